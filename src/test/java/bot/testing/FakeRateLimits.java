package bot.testing;

import java.time.Duration;
import java.time.Instant;

/**
 * The fake's IP limits: request weight per minute of server time, and the ban after a 429 during
 * which every request counts as early (Binance answers those 418 and bans the IP for longer).
 */
final class FakeRateLimits {
    private final int weightLimit;
    private Instant bannedUntil = Instant.EPOCH;
    private long window = Long.MIN_VALUE;
    private int used;

    FakeRateLimits(int weightLimit) {
        this.weightLimit = weightLimit;
    }

    int weightLimit() {
        return weightLimit;
    }

    int used() {
        return used;
    }

    boolean banned(Instant now) {
        return now.isBefore(bannedUntil);
    }

    Instant bannedUntil() {
        return bannedUntil;
    }

    void ban(Instant until) {
        bannedUntil = until;
    }

    /** Counts the request's weight; false when it breaks the limit (the request then gets a 429). */
    boolean spend(int weight, long serverTime) {
        roll(serverTime);
        if (used + weight > weightLimit) {
            return false;
        }
        used += weight;
        return true;
    }

    void addForeign(int weight, long serverTime) {
        roll(serverTime);
        used += weight;
    }

    /** How long after {@code serverTime} the current weight window ends. */
    Duration untilNextWindow(long serverTime) {
        return Duration.ofMillis((window + 1) * 60_000 - serverTime);
    }

    private void roll(long serverTime) {
        long current = Math.floorDiv(serverTime, 60_000);
        if (current != window) {
            window = current;
            used = 0;
        }
    }
}
