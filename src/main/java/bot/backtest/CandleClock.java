package bot.backtest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of a backtest: it reads the moment the candle being handled closed, so signal ages,
 * fill times and round-trip durations are those live trading would have seen, and a run gives the
 * same result every time. Only the runner's thread moves it (through {@link ClockedStrategy}).
 */
public final class CandleClock extends Clock {
    private volatile long millis;

    public CandleClock(long startMillis) {
        this.millis = startMillis;
    }

    /** Moves the clock to {@code epochMillis}. */
    public void set(long epochMillis) {
        this.millis = epochMillis;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("a candle clock runs in UTC");
        }
        return this;
    }
}
