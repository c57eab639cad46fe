package bot.execution.binance;

import bot.engine.Sleeper;
import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs Failsafe's attempts on the calling thread, waiting between them through a {@link Sleeper}:
 * retries keep Failsafe's backoff and jitter, and tests advance a fake clock instead of sleeping.
 */
final class SleeperScheduler implements Scheduler {
    private final Sleeper sleeper;

    SleeperScheduler(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    @Override
    public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
        if (delay > 0) {
            try {
                sleeper.sleep(Duration.of(delay, unit.toChronoUnit()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Done(null, new CancellationException("interrupted"));
            }
        }
        try {
            return new Done(callable.call(), null);
        } catch (Exception e) {
            return new Done(null, e);
        }
    }

    /** The already finished run. */
    private record Done(Object value, Exception failure) implements ScheduledFuture<Object> {
        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return failure instanceof CancellationException;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() throws ExecutionException {
            if (failure != null) {
                throw new ExecutionException(failure);
            }
            return value;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) throws ExecutionException {
            return get();
        }
    }
}
