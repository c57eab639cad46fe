package bot.engine;

import bot.domain.Interval;
import bot.domain.Side;
import java.time.Duration;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an entry's signal is too old to act on: its candle closed more than one interval ago,
 * counted as at least 5 s and at most 60 s. Exits are never stale: a position must be sold whenever
 * its signal comes, however late.
 */
final class SignalAge {
    private static final Logger log = LoggerFactory.getLogger(SignalAge.class);
    static final Duration MIN_LIMIT = Duration.ofSeconds(5);
    static final Duration MAX_LIMIT = Duration.ofSeconds(60);

    private final Interval interval;
    private final InstantSource clock;
    private final long limitMillis;

    SignalAge(Interval interval, InstantSource clock) {
        this.interval = interval;
        this.clock = clock;
        this.limitMillis = Math.clamp(interval.nominalMillis(), MIN_LIMIT.toMillis(), MAX_LIMIT.toMillis());
    }

    /** How long ago the candle opened at {@code candleOpenTime} closed (negative: it has not yet). */
    private long ageMillis(long candleOpenTime) {
        return clock.millis() - (interval.next(candleOpenTime) - 1);
    }

    /** How long an order of {@code side} on that candle may still wait to leave: null for an exit, which may always go. */
    Duration timeLeft(Side side, long candleOpenTime) {
        return side == Side.BUY ? Duration.ofMillis(Math.max(0, limitMillis - ageMillis(candleOpenTime))) : null;
    }

    /** True (and logged) when {@code side} is an entry whose signal candle closed too long ago to act on. */
    boolean stale(Side side, long candleOpenTime) {
        long age = ageMillis(candleOpenTime);
        if (side != Side.BUY || age <= limitMillis) {
            return false;
        }
        log.atWarn().addKeyValue("side", side).addKeyValue("candleOpenTime", candleOpenTime).addKeyValue("ageMs", age)
                .addKeyValue("limitMs", limitMillis).log("entry not sent: its signal is stale");
        return true;
    }
}
