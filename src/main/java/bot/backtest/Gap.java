package bot.backtest;

import bot.domain.Interval;
import java.util.ArrayList;
import java.util.List;

/** Candles missing from stored data: open times {@code from} to {@code to}, {@code missing} candles. */
public record Gap(long from, long to, long missing) {

    /** The gaps between consecutive candles of one stream, given their open times, oldest first. */
    public static List<Gap> in(long[] openTimes, Interval interval) {
        List<Gap> gaps = new ArrayList<>();
        for (int i = 1; i < openTimes.length; i++) {
            long expected = interval.next(openTimes[i - 1]);
            long actual = openTimes[i];
            if (actual > expected) {
                long missing = 0;
                long last = expected;
                for (long t = expected; t < actual; t = interval.next(t)) {
                    missing++;
                    last = t;
                }
                gaps.add(new Gap(expected, last, missing));
            }
        }
        return gaps;
    }
}
