package bot.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential waits with jitter: the wait after the n-th failure in a row (from 0) is a
 * random duration between half and all of min(cap, first x 2^n), so that strategies hit by one
 * outage do not all try again at the same instant.
 */
public record RetryBackoff(Duration first, Duration cap) {
    /** Retries of the journal or of the exchange's rules after an infrastructure error. */
    public static final RetryBackoff INFRASTRUCTURE = new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    /** Lookups of an order still in doubt once the strategy is halted: for as long as it takes. */
    public static final RetryBackoff RESOLUTION = new RetryBackoff(Duration.ofSeconds(30), Duration.ofMinutes(3));

    public Duration wait(int failures, RandomGenerator random) {
        long capMillis = cap.toMillis();
        long full = failures >= 30 ? capMillis : Math.min(capMillis, first.toMillis() << failures);
        long half = full / 2;
        return Duration.ofMillis(half + (full - half == 0 ? 0 : random.nextLong(full - half + 1)));
    }
}
