package dev.bklint.lsp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the latest task per key after a quiet period, on one worker thread: typing sends a change per keystroke,
 * and only the text the user paused on is worth linting. The protocol's reader thread never lints, so a slow lint
 * cannot hold up the next message.
 */
final class Debouncer implements AutoCloseable {
    private final ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "bklint-lsp-lint");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final long delayMillis;

    Debouncer(long delayMillis) {
        this.delayMillis = delayMillis;
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Runs {@code task} for {@code key} after the quiet period (or at once), replacing one not yet started. */
    void submit(String key, boolean now, Runnable task) {
        if (worker.isShutdown()) {
            return; // after shutdown the protocol allows only exit; a late change is not worth an error
        }
        ScheduledFuture<?> next = worker.schedule(() -> {
            pending.remove(key);
            task.run();
        }, now ? 0 : delayMillis, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = pending.put(key, next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /**
     * Drops the lints not yet started and lets a running one finish. Not an interrupt: one that lands while the
     * lint is publishing would close an interruptible output channel, and the shutdown reply would never be sent.
     */
    @Override
    public void close() {
        worker.shutdown();
    }
}
