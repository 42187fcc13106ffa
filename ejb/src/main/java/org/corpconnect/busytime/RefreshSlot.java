package org.corpconnect.busytime;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One account's refreshes, never two at once. Asked for while one runs, one more runs right after
 * it (however often it was asked for: all askers share it). Nobody waits for the slot: the asker
 * who gets it starts the refresh on the executor, the others hold a future.
 */
final class RefreshSlot {

    /** What a request for a refresh got: its future, and whether the caller has to start it. */
    record Claim(CompletableFuture<RefreshResult> future, boolean startNow) {
    }

    private CompletableFuture<RefreshResult> running;
    private CompletableFuture<RefreshResult> next;

    /** The slot if it is free (the caller starts the refresh); empty while a refresh runs. */
    synchronized Optional<CompletableFuture<RefreshResult>> claimIfFree() {
        if (running != null) {
            return Optional.empty();
        }
        running = new CompletableFuture<>();
        return Optional.of(running);
    }

    /** The slot if it is free; otherwise the refresh queued after the running one. */
    synchronized Claim claimOrQueue() {
        if (running == null) {
            running = new CompletableFuture<>();
            return new Claim(running, true);
        }
        if (next == null) {
            next = new CompletableFuture<>();
        }
        return new Claim(next, false);
    }

    /** The running refresh ended: the queued one, if any, runs now (the caller runs it). */
    synchronized Optional<CompletableFuture<RefreshResult>> finished() {
        running = next;
        next = null;
        return Optional.ofNullable(running);
    }

    synchronized boolean isRunning() {
        return running != null;
    }
}
