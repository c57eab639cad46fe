package bot.testing;

import bot.domain.Candle;
import bot.domain.Interval;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The recorded candle series of {@code src/test/resources/binance} as domain candles, decimals from the JSON text. */
public final class RecordedCandles {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // keep "1482.0" as written: scale is part of a decimal's value here
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private RecordedCandles() {
    }

    /** The 3560 real XRPETH 1m candles of 2019-10-11..13, contiguous. */
    public static List<Candle> xrpeth1m() {
        return ohlcv("xrpeth-1m-2019-10-11.json", "XRPETH", Interval.M1);
    }

    /**
     * A file of {@code [openTime, open, high, low, close, volume]} rows with JSON numbers (no quote
     * volume or trade count: those are 0).
     */
    public static List<Candle> ohlcv(String file, String symbol, Interval interval) {
        List<Candle> candles = new ArrayList<>();
        for (JsonNode row : tree(file)) {
            long open = row.get(0).longValue();
            candles.add(new Candle(symbol, interval, open, interval.next(open) - 1, row.get(1).decimalValue(),
                    row.get(2).decimalValue(), row.get(3).decimalValue(), row.get(4).decimalValue(),
                    row.get(5).decimalValue(), BigDecimal.ZERO, 0, true));
        }
        return candles;
    }

    /** A recorded answer of GET /api/v3/klines, read independently of the bot's own parser. */
    public static List<Candle> klineRows(String file, String symbol, Interval interval) {
        List<Candle> candles = new ArrayList<>();
        for (JsonNode row : tree(file)) {
            candles.add(new Candle(symbol, interval, row.get(0).longValue(), row.get(6).longValue(),
                    new BigDecimal(row.get(1).textValue()), new BigDecimal(row.get(2).textValue()),
                    new BigDecimal(row.get(3).textValue()), new BigDecimal(row.get(4).textValue()),
                    new BigDecimal(row.get(5).textValue()), new BigDecimal(row.get(7).textValue()),
                    row.get(8).longValue(), true));
        }
        return candles;
    }

    private static JsonNode tree(String file) {
        try {
            return JSON.readTree(TestData.bytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
