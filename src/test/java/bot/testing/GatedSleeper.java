package bot.testing;

import bot.engine.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A sleeper for supervised retries: it records each wait asked for and blocks until the test lets
 * one go ({@link #pass()}), as if that much time had passed; an interrupt ends the wait as a real
 * sleep's would.
 */
public final class GatedSleeper implements Sleeper {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Semaphore gate = new Semaphore(0);

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        waits.add(duration);
        gate.acquire();
    }

    /** Lets one waiting (or the next) sleep end. */
    public void pass() {
        gate.release();
    }

    /** The waits asked for so far. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    /** Waits (bounded) until {@code count} waits have been asked for. */
    public void awaitWaits(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (waits.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " waits, got " + waits);
            }
            Thread.sleep(5);
        }
    }
}
