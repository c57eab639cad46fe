package bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.testing.RecordedCandles;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CandleRepositoryTest {
    private static final List<Candle> SERIES = RecordedCandles.xrpeth1m();

    private Database db;
    private CandleRepository candles;

    @BeforeEach
    void open() {
        db = TestDatabase.fresh();
        candles = new CandleRepository(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private int rows() {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from candles").mapTo(Integer.class).one());
    }

    @Test
    void aBackfillOfThousandsOfCandlesComesBackExactly() {
        candles.save(SERIES);
        assertEquals(SERIES.size(), rows());
        assertEquals(SERIES, candles.load("XRPETH", Interval.M1, SERIES.get(0).openTime(),
                SERIES.get(SERIES.size() - 1).openTime()));
        assertEquals(SERIES.subList(10, 21), candles.load("XRPETH", Interval.M1, SERIES.get(10).openTime(),
                SERIES.get(20).openTime()));
        assertEquals(List.of(), candles.load("XRPETH", Interval.M5, 0, Long.MAX_VALUE));
    }

    @Test
    void recordedKlinesKeepEveryDecimalAndCount() {
        List<Candle> btc = RecordedCandles.klineRows("btcusdt-1m-klines-2021-10-22.json", "BTCUSDT", Interval.M1);
        candles.save(btc);
        assertEquals(btc, candles.load("BTCUSDT", Interval.M1, 0, Long.MAX_VALUE));
    }

    @Test
    void savingAgainReplacesTheRowAndDuplicatesInOneCallKeepTheLast() {
        candles.save(SERIES.subList(0, 5));
        Candle first = SERIES.get(0);
        Candle revised = new Candle(first.symbol(), first.interval(), first.openTime(), first.closeTime(), first.open(),
                first.high(), first.low(), first.close(), new BigDecimal("1500.5"), new BigDecimal("2.125"), 7, true);
        List<Candle> again = new ArrayList<>(SERIES.subList(0, 3));
        again.add(revised);
        candles.save(again);
        assertEquals(5, rows());
        List<Candle> loaded = candles.load("XRPETH", Interval.M1, first.openTime(), first.openTime());
        assertEquals(List.of(revised), loaded);
        candles.save(List.of());
        assertEquals(5, rows());
    }
}
