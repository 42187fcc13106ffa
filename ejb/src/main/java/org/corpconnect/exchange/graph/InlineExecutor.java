package org.corpconnect.exchange.graph;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs MSAL's work in the thread that asks for a token, which waits for it anyway. Without an executor
 * MSAL uses the JVM's common fork-join pool: one thread on a two-core server, shared with whatever else
 * the server runs there, where a token request waited past its timeout without ever being sent. Inline,
 * it is bounded by MSAL's own connect and read timeouts, and keeps the caller's context.
 */
final class InlineExecutor extends AbstractExecutorService {

    static final InlineExecutor INSTANCE = new InlineExecutor();

    private InlineExecutor() {
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {
        // Nothing to stop: no thread of its own.
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
