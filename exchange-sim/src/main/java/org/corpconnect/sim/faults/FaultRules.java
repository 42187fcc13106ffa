package org.corpconnect.sim.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The active fault rules; the first matching rule of a kind fires and uses up one of its times. */
public final class FaultRules {
    private final List<FaultRule> rules = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    public synchronized FaultRule add(FaultRule rule) {
        FaultRule withId = rule.id() == null ? rule.withId("rule-" + ids.incrementAndGet()) : rule;
        rules.add(withId);
        return withId;
    }

    public synchronized boolean remove(String id) {
        return rules.removeIf(r -> r.id().equals(id));
    }

    public synchronized void clear() {
        rules.clear();
    }

    public synchronized List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    /** The matching rule of this kind, consuming one use; empty if none matches. */
    public synchronized Optional<FaultRule> fire(FaultRule.Kind kind, String operation, Collection<String> mailboxes) {
        for (int i = 0; i < rules.size(); i++) {
            FaultRule r = rules.get(i);
            if (r.kind() == kind && r.matches(operation, mailboxes)) {
                if (r.times() > 0) {
                    if (r.times() == 1) {
                        rules.remove(i);
                    } else {
                        rules.set(i, r.times(r.times() - 1));
                    }
                }
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Total latency of all matching LATENCY rules (they add up, like base and per-mailbox delays do). */
    public synchronized long latencyMillis(String operation, Collection<String> mailboxes, int targetCount) {
        long total = 0;
        for (int i = rules.size() - 1; i >= 0; i--) {
            FaultRule r = rules.get(i);
            if (r.kind() == FaultRule.Kind.LATENCY && r.matches(operation, mailboxes)) {
                total += r.millis() + r.perMailboxMillis() * targetCount;
                if (r.times() == 1) {
                    rules.remove(i);
                } else if (r.times() > 1) {
                    rules.set(i, r.times(r.times() - 1));
                }
            }
        }
        return total;
    }
}
