package bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Network;
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
        candles.save(Network.PRODUCTION, SERIES);
        assertEquals(SERIES.size(), rows());
        assertEquals(SERIES, candles.load(Network.PRODUCTION, "XRPETH", Interval.M1, SERIES.get(0).openTime(),
                SERIES.get(SERIES.size() - 1).openTime()));
        assertEquals(SERIES.subList(10, 21), candles.load(Network.PRODUCTION, "XRPETH", Interval.M1, SERIES.get(10).openTime(),
                SERIES.get(20).openTime()));
        assertEquals(List.of(), candles.load(Network.PRODUCTION, "XRPETH", Interval.M5, 0, Long.MAX_VALUE));
    }

    @Test
    void recordedKlinesKeepEveryDecimalAndCount() {
        List<Candle> btc = RecordedCandles.klineRows("btcusdt-1m-klines-2021-10-22.json", "BTCUSDT", Interval.M1);
        candles.save(Network.PRODUCTION, btc);
        assertEquals(btc, candles.load(Network.PRODUCTION, "BTCUSDT", Interval.M1, 0, Long.MAX_VALUE));
    }

    @Test
    void savingAgainReplacesTheRowAndDuplicatesInOneCallKeepTheLast() {
        candles.save(Network.PRODUCTION, SERIES.subList(0, 5));
        Candle first = SERIES.get(0);
        Candle revised = new Candle(first.symbol(), first.interval(), first.openTime(), first.closeTime(), first.open(),
                first.high(), first.low(), first.close(), new BigDecimal("1500.5"), new BigDecimal("2.125"), 7, true);
        List<Candle> again = new ArrayList<>(SERIES.subList(0, 3));
        again.add(revised);
        candles.save(Network.PRODUCTION, again);
        assertEquals(5, rows());
        List<Candle> loaded = candles.load(Network.PRODUCTION, "XRPETH", Interval.M1, first.openTime(), first.openTime());
        assertEquals(List.of(revised), loaded);
        candles.save(Network.PRODUCTION, List.of());
        assertEquals(5, rows());
    }

    @Test
    void theSameCandleOnBothNetworksIsTwoRowsAndEachNetworkReadsItsOwn() {
        Candle production = SERIES.get(0);
        Candle testnet = new Candle(production.symbol(), production.interval(), production.openTime(),
                production.closeTime(), production.open(), production.high(), production.low(),
                new BigDecimal("0.01999"), production.volume(), production.quoteVolume(), 3, true);
        candles.save(Network.PRODUCTION, List.of(production));
        candles.save(Network.TESTNET, List.of(testnet));
        assertEquals(2, rows());
        long t = production.openTime();
        assertEquals(List.of(production), candles.load(Network.PRODUCTION, "XRPETH", Interval.M1, t, t));
        assertEquals(List.of(testnet), candles.load(Network.TESTNET, "XRPETH", Interval.M1, t, t));
        candles.save(Network.TESTNET, List.of(testnet)); // again: replaces the testnet row, leaves production's
        assertEquals(2, rows());
        assertEquals(List.of(production), candles.load(Network.PRODUCTION, "XRPETH", Interval.M1, t, t));
    }
}
