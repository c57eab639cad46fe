package bot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A series gives back every candle it was built with, exactly, through views and joins too. */
class CandleSeriesTest {
    private static final String[] DECIMALS = {"0.00000001", "5.233", "0", "0.00000000", "-1.5",
        "123456789012345678901234.5", "9223372036854775807", "1E+5", "1." + "0".repeat(130) + "1", "35462.8"};

    @Test
    void buildsBackEveryCandleExactlyThroughViewsAndJoins() {
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            BigDecimal[] d = new BigDecimal[6];
            for (int c = 0; c < 6; c++) {
                d[c] = new BigDecimal(DECIMALS[(i + c * 3) % DECIMALS.length]);
            }
            candles.add(new Candle("FILUSDT", Interval.M1, i * 60_000L, i * 60_000L + 59_999, d[0], d[1], d[2], d[3],
                    d[4], d[5], i, true));
        }
        CandleSeries first = build(candles.subList(0, 400));
        CandleSeries second = build(candles.subList(400, 1_000));
        CandleSeries joined = CandleSeries.join("FILUSDT", Interval.M1, List.of(first, second.subList(0, 0),
                build(List.of()), second.subList(0, 600)));
        assertEquals(candles, joined);
        for (int i = 0; i < candles.size(); i++) {
            assertEquals(candles.get(i).close().scale(), joined.get(i).close().scale(), "scale of candle " + i);
        }
        assertEquals(candles.subList(250, 700), joined.subList(250, 700));
        assertEquals(candles.subList(260, 270), joined.subList(250, 700).subList(10, 20));
        assertEquals(candles.get(699).openTime(), joined.subList(250, 700).openTime(449));
        assertEquals(candles.subList(250, 400), joined.subList(250, 400), "a view ending on a part's end");
        assertEquals(candles.subList(400, 401), joined.subList(400, 401), "a view of a part's first candle");
        assertThrows(IndexOutOfBoundsException.class, () -> joined.subList(250, 700).get(450));
        assertThrows(IndexOutOfBoundsException.class, () -> joined.get(-1));
    }

    private static CandleSeries build(List<Candle> candles) {
        CandleSeries.Builder builder = CandleSeries.builder("FILUSDT", Interval.M1, 3); // grows as it fills
        for (Candle c : candles) {
            builder.startRow(c.openTime(), c.closeTime()).decimal(CandleSeries.OPEN, c.open())
                    .decimal(CandleSeries.HIGH, c.high()).decimal(CandleSeries.LOW, c.low())
                    .decimal(CandleSeries.CLOSE, c.close()).decimal(CandleSeries.VOLUME, c.volume())
                    .decimal(CandleSeries.QUOTE_VOLUME, c.quoteVolume()).endRow(c.trades());
        }
        return builder.build();
    }
}
