package bot.testing;

import bot.domain.Candle;
import bot.domain.Interval;
import java.math.BigDecimal;
import java.util.List;

/** Closed candles for tests: hand-made ones, and the real XRPETH 1m recording. */
public final class Candles {
    public static final long T0 = 1_570_752_000_000L; // 2019-10-11T00:00:00Z

    private Candles() {
    }

    /** A closed 1m candle whose open, high, low and close are all {@code close}. */
    public static Candle flat(String symbol, int minute, String close) {
        return ohlc(symbol, minute, close, close, close, close);
    }

    public static Candle ohlc(String symbol, int minute, String open, String high, String low, String close) {
        long openTime = T0 + minute * 60_000L;
        return new Candle(symbol, Interval.M1, openTime, openTime + 59_999, new BigDecimal(open), new BigDecimal(high),
                new BigDecimal(low), new BigDecimal(close), BigDecimal.ONE, BigDecimal.ONE, 1, true);
    }

    /** The 3560 real XRPETH 1m candles of 2019-10-11..13 ([openTime, o, h, l, c, volume] rows), as {@code symbol}. */
    public static List<Candle> xrpEth(String symbol) {
        return RecordedCandles.ohlcv("xrpeth-1m-2019-10-11.json", symbol, Interval.M1);
    }
}
