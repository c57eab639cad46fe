package bot.app;

import bot.engine.Sleeper;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a strategy that could not start is tried again: a few minutes after a refusal (an unknown
 * symbol, a failing plugin: nothing will change soon), sooner after a passing failure (the exchange
 * unreachable during reconciliation), doubling from {@code passingBase} up to {@code passingCap}
 * with jitter, so strategies that failed together do not retry together.
 *
 * @param sleeper how the supervisor waits (tests pass one that records and lets go on command)
 */
public record StrategyRetries(Duration afterRefusal, Duration passingBase, Duration passingCap, Sleeper sleeper) {

    public static StrategyRetries standard() {
        return new StrategyRetries(Duration.ofMinutes(3), Duration.ofSeconds(10), Duration.ofMinutes(2), Thread::sleep);
    }

    /** The wait after the {@code failuresInARow}-th failure in a row (1 = the first). */
    Duration delay(boolean passing, int failuresInARow) {
        if (!passing) {
            return afterRefusal;
        }
        int doublings = Math.min(Math.max(failuresInARow - 1, 0), 20);
        long ceiling = Math.min(passingCap.toMillis(), passingBase.toMillis() << doublings);
        // Half fixed, half random: never a retry at once, and spread.
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
