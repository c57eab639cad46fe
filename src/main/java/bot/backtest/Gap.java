package bot.backtest;

import bot.domain.Candle;
import bot.domain.Interval;
import java.util.ArrayList;
import java.util.List;

/** Candles missing from stored data: open times {@code from} to {@code to}, {@code missing} candles. */
public record Gap(long from, long to, long missing) {

    /** The gaps between consecutive candles (oldest first) of one stream. */
    public static List<Gap> in(List<Candle> candles, Interval interval) {
        List<Gap> gaps = new ArrayList<>();
        for (int i = 1; i < candles.size(); i++) {
            long expected = interval.next(candles.get(i - 1).openTime());
            long actual = candles.get(i).openTime();
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
