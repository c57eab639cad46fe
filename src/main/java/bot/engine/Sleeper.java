package bot.engine;

import java.time.Duration;

/** Waits between order lookups; tests pass one that only records, the daemon one that stops waiting on shutdown. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
}
