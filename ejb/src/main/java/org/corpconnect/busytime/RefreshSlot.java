package org.corpconnect.busytime;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One account's refreshes, never two at once. Asked for while one runs, one more runs right after
 * it (however often it was asked for: all askers share it), of the users they asked for together:
 * the union of the single users pushed changes name, or the whole account if any asker wanted it.
 * Nobody waits for the slot: the asker who gets it starts the refresh on the executor, the others
 * hold a future.
 */
final class RefreshSlot {

    /** What a request for a refresh got: its future, and whether the caller has to start it. */
    record Claim(CompletableFuture<RefreshResult> future, boolean startNow) {
    }

    /** The refresh queued after the running one: its future, and its users (empty: the whole account). */
    record Queued(CompletableFuture<RefreshResult> future, Optional<Set<Long>> onlyUsers) {
    }

    private CompletableFuture<RefreshResult> running;
    private CompletableFuture<RefreshResult> next;
    private Optional<Set<Long>> nextUsers = Optional.empty();

    /** The slot if it is free (the caller starts the refresh); empty while a refresh runs. */
    synchronized Optional<CompletableFuture<RefreshResult>> claimIfFree() {
        if (running != null) {
            return Optional.empty();
        }
        running = new CompletableFuture<>();
        return Optional.of(running);
    }

    /**
     * The slot if it is free (the caller refreshes {@code onlyUsers}, or the whole account when empty);
     * otherwise the refresh queued after the running one, which now covers these users too.
     */
    synchronized Claim claimOrQueue(Optional<Set<Long>> onlyUsers) {
        if (running == null) {
            running = new CompletableFuture<>();
            return new Claim(running, true);
        }
        if (next == null) {
            next = new CompletableFuture<>();
            nextUsers = onlyUsers.map(HashSet::new);
        } else if (nextUsers.isPresent()) {
            if (onlyUsers.isPresent()) {
                nextUsers.get().addAll(onlyUsers.get());
            } else {
                nextUsers = Optional.empty();
            }
        }
        return new Claim(next, false);
    }

    /** The running refresh ended: the queued one, if any, runs now (the caller runs it). */
    synchronized Optional<Queued> finished() {
        running = next;
        Optional<Queued> queued = Optional.ofNullable(next).map(f -> new Queued(f, nextUsers.map(Set::copyOf)));
        next = null;
        nextUsers = Optional.empty();
        return queued;
    }

    synchronized boolean isRunning() {
        return running != null;
    }
}
