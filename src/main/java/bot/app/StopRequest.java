package bot.app;

import bot.engine.Sleeper;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A stop asked for from another thread (Ctrl-C): work checks it between steps, and waits end at once. */
public final class StopRequest implements Sleeper {
    private final CountDownLatch requested = new CountDownLatch(1);

    public void request() {
        requested.countDown();
    }

    public boolean requested() {
        return requested.getCount() == 0;
    }

    /** Sleeps unless a stop comes first. @throws InterruptedException when it does */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (requested.await(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("stop requested");
        }
    }
}
