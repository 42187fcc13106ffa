package org.corpconnect.sim.requestlog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** The most recent requests, bounded so that a long benchmark cannot exhaust memory. */
public final class RequestLog {
    private final int capacity;
    private final Deque<RequestLogEntry> entries = new ArrayDeque<>();

    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(RequestLogEntry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    public synchronized List<RequestLogEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<RequestLogEntry> entries(Predicate<RequestLogEntry> filter) {
        return entries.stream().filter(filter).toList();
    }

    public List<RequestLogEntry> forOperation(String operation) {
        return entries(e -> operation.equals(e.operation()));
    }

    public synchronized void clear() {
        entries.clear();
    }
}
