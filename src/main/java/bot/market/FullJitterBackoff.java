package bot.market;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before retry {@code n} (0 = first) wait a uniformly random
 * time in [0, min(cap, base x 2^n)]. The jitter spreads clients that failed together.
 */
public final class FullJitterBackoff {
    private final long baseMillis;
    private final long capMillis;
    private final RandomGenerator random;

    public FullJitterBackoff(Duration base, Duration cap, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap");
        }
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.random = random;
    }

    /** The upper bound of the wait before retry {@code retry}. */
    public Duration ceiling(int retry) {
        int n = Math.min(Math.max(retry, 0), 63);
        // base x 2^n without overflow: compare against cap / 2^n instead
        return Duration.ofMillis(baseMillis <= (capMillis >> n) ? baseMillis << n : capMillis);
    }

    public Duration delay(int retry) {
        return Duration.ofMillis(random.nextLong(ceiling(retry).toMillis() + 1));
    }

    public Duration cap() {
        return Duration.ofMillis(capMillis);
    }
}
