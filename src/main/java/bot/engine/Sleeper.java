package bot.engine;

import java.time.Duration;

/**
 * Waits: between order lookups, retries and request budgets. Injected so that tests record the
 * waits or advance a fake clock instead of sleeping; the daemon's is interrupted on shutdown.
 */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
