package bot.execution.binance;

import java.time.Duration;

/** Waits. Injected so that tests advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
