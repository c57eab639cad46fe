package bot.engine;

import bot.testing.AdjustableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the waits instead of waiting, and moves the test's clock by each. */
final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new ArrayList<>();
    private final AdjustableClock clock;

    RecordingSleeper(AdjustableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted, as a real sleep would be");
        }
        waits.add(duration);
        clock.advance(duration);
    }
}
