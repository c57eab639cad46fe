package bot.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Where Binance's candles of an interval open: fixed intervals on multiples of their length from
 * the epoch, weeks on Mondays 00:00 UTC (the epoch was a Thursday), months on the 1st 00:00 UTC.
 */
public final class IntervalGrid {
    /** 1970-01-05, the first Monday after the epoch. */
    private static final long FIRST_MONDAY = 4 * 86_400_000L;

    private IntervalGrid() {
    }

    /** Whether a candle of {@code interval} can open at {@code openTime}. */
    public static boolean onGrid(Interval interval, long openTime) {
        return ceil(interval, openTime) == openTime;
    }

    /** The first open time of {@code interval} at or after {@code time}. */
    public static long ceil(Interval interval, long time) {
        if (interval == Interval.MONTH1) {
            ZonedDateTime at = ZonedDateTime.ofInstant(Instant.ofEpochMilli(time), ZoneOffset.UTC);
            ZonedDateTime month = at.withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC);
            return month.toInstant().toEpochMilli() == time ? time : month.plusMonths(1).toInstant().toEpochMilli();
        }
        long length = interval.nominalMillis();
        long origin = interval == Interval.W1 ? FIRST_MONDAY : 0;
        long offset = Math.floorMod(time - origin, length);
        return offset == 0 ? time : time - offset + length;
    }

    /** The last open time of {@code interval} at or before {@code time}. */
    public static long floor(Interval interval, long time) {
        long up = ceil(interval, time);
        return up == time ? time : interval.previous(up);
    }

    /** How many candles open in [{@code first}, {@code last}], both on the grid. */
    public static long count(Interval interval, long first, long last) {
        if (last < first) {
            return 0;
        }
        if (interval != Interval.MONTH1) {
            return (last - first) / interval.nominalMillis() + 1;
        }
        long n = 0;
        for (long t = first; t <= last; t = interval.next(t)) {
            n++;
        }
        return n;
    }
}
