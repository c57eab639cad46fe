package bot.execution.binance;

import java.time.Clock;
import java.time.Duration;

/**
 * Binance's time as seen from here: the local clock plus an offset measured with
 * {@code GET /api/v3/time}. Signed requests carry this time, so a drifting local clock does not
 * make them fall outside recvWindow (-1021). One per host, shared by its accounts.
 */
public final class ServerTime {
    private final Clock clock;
    private final Duration maxAge;
    private volatile long offsetMillis;
    private volatile long syncedAt = Long.MIN_VALUE;

    /** @param maxAge how long a measured offset is trusted before it is measured again */
    public ServerTime(Clock clock, Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public long nowMillis() {
        return clock.millis() + offsetMillis;
    }

    public long offsetMillis() {
        return offsetMillis;
    }

    public boolean needsSync() {
        return syncedAt == Long.MIN_VALUE || clock.millis() - syncedAt > maxAge.toMillis();
    }

    /** Records one measurement: the server's time is taken as the middle of the round trip. */
    public void record(long localBefore, long serverTime, long localAfter) {
        offsetMillis = serverTime - (localBefore + (localAfter - localBefore) / 2);
        syncedAt = localAfter;
    }

    /** Forgets the offset's freshness (after a -1021), so the next signed request measures it again. */
    public void invalidate() {
        syncedAt = Long.MIN_VALUE;
    }

    /** The local clock, for measuring a round trip. */
    public long localMillis() {
        return clock.millis();
    }
}
