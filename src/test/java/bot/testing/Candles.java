package bot.testing;

import bot.domain.Candle;
import bot.domain.Interval;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
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
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        try {
            List<Candle> candles = new ArrayList<>();
            for (JsonNode row : json.readTree(TestData.text("xrpeth-1m-2019-10-11.json"))) {
                long openTime = row.get(0).asLong();
                candles.add(new Candle(symbol, Interval.M1, openTime, openTime + 59_999, row.get(1).decimalValue(),
                        row.get(2).decimalValue(), row.get(3).decimalValue(), row.get(4).decimalValue(),
                        row.get(5).decimalValue(), BigDecimal.ZERO, 0, true));
            }
            return candles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
