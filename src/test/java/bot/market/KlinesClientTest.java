package bot.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.rest.RestHosts;
import bot.testing.FakeBinance;
import bot.testing.RecordedCandles;
import bot.testing.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KlinesClientTest {
    private static final List<Candle> SERIES = RecordedCandles.xrpeth1m();
    private static final KlineStream XRPETH = new KlineStream("XRPETH", Interval.M1);

    private FakeBinance binance;

    @AfterEach
    void stop() {
        if (binance != null) {
            binance.close();
        }
    }

    private KlinesClient client(long serverTime) {
        binance = new FakeBinance(serverTime);
        binance.addCandles(SERIES);
        return new KlinesClient(RestHosts.standard(Clock.systemUTC()).host(binance.restUrl()));
    }

    @Test
    void recordedKlinesRowsParseToTheRecordedValuesExactly() throws Exception {
        KlineStream btc = new KlineStream("BTCUSDT", Interval.M1);
        List<Candle> rows = KlineRows.parse(TestData.bytes("btcusdt-1m-klines-2021-10-22.json"), btc);
        assertEquals(10, rows.size());
        assertEquals(new Candle("BTCUSDT", Interval.M1, 1634943780000L, 1634943839999L, new BigDecimal("60685.22000000"),
                new BigDecimal("60729.84000000"), new BigDecimal("60670.90000000"), new BigDecimal("60719.27000000"),
                new BigDecimal("21.63272000"), new BigDecimal("1313200.01340410"), 617, true), rows.get(0));
        assertEquals(RecordedCandles.klineRows("btcusdt-1m-klines-2021-10-22.json", "BTCUSDT", Interval.M1), rows);
        KlineStream hourly = new KlineStream("BTCUSDT", Interval.H1);
        assertEquals(RecordedCandles.klineRows("btcusdt-1h-klines-2023-01-06.json", "BTCUSDT", Interval.H1),
                KlineRows.parse(TestData.bytes("btcusdt-1h-klines-2023-01-06.json"), hourly));
        rows.forEach(row -> assertEquals(null, row.defect()));
    }

    @Test
    void warmUpPagesOverMoreThanAThousandCandlesAndDropsTheFormingOne() throws Exception {
        Candle forming = SERIES.get(2500);
        KlinesClient klines = client(forming.openTime() + 30_000);
        List<Candle> warmup = klines.latestClosed(XRPETH, 1500);
        assertEquals(SERIES.subList(1000, 2500), warmup);
        assertTrue(binance.requests("/api/v3/klines") >= 2, "paged");
    }

    @Test
    void aRowClosingExactlyAtTheServerTimeIsStillForming() throws Exception {
        Candle last = SERIES.get(1999);
        KlinesClient klines = client(last.closeTime());
        List<Candle> warmup = klines.latestClosed(XRPETH, 3);
        assertEquals(SERIES.subList(1996, 1999), warmup);
        assertEquals(SERIES.subList(1997, 2000), client(last.closeTime() + 1).latestClosed(XRPETH, 3));
    }

    @Test
    void aRangeIsFetchedPageByPageWithinItsBounds() throws Exception {
        KlinesClient klines = client(SERIES.get(3559).closeTime() + 1);
        List<Candle> range = klines.closedCandles(XRPETH, SERIES.get(100).openTime(), SERIES.get(2600).openTime(),
                Long.MAX_VALUE);
        assertEquals(SERIES.subList(100, 2601), range);
        assertEquals(3, binance.requests("/api/v3/klines"));
        assertEquals(SERIES.get(3559).closeTime() + 1, klines.serverTime());
    }

    @Test
    void warmUpOfASeriesShorterThanAskedGivesWhatThereIs() throws Exception {
        KlinesClient klines = client(SERIES.get(10).openTime() + 1);
        assertEquals(SERIES.subList(0, 10), klines.latestClosed(XRPETH, 500));
        assertEquals(List.of(), klines.latestClosed(XRPETH, 0));
    }

    @Test
    void errorsCarryBinancesCodeAndSayWhetherToRetry() {
        KlinesClient klines = client(SERIES.get(10).openTime());
        MarketRestException unknown = assertThrows(MarketRestException.class,
                () -> klines.latestClosed(new KlineStream("NOPE", Interval.M1), 5));
        assertEquals(400, unknown.status());
        assertEquals(-1121, unknown.code());
        assertFalse(unknown.retryable());
        binance.failNext("/api/v3/time", 1);
        MarketRestException down = assertThrows(MarketRestException.class, klines::serverTime);
        assertEquals(503, down.status());
        assertTrue(down.retryable());
    }

    @Test
    void gapFillsInsistThroughServerErrors() {
        KlinesClient klines = client(SERIES.get(50).openTime() + 1);
        binance.failNext("/api/v3/klines", 3);
        RestCandleHistory history = new RestCandleHistory(klines,
                new FullJitterBackoff(Duration.ofMillis(1), Duration.ofMillis(5), new SplittableRandom(1)));
        assertEquals(SERIES.subList(40, 50), history.closed(XRPETH, SERIES.get(40).openTime(), Long.MAX_VALUE));
        assertEquals(4, binance.requests("/api/v3/klines"));
        MarketDataException gone = assertThrows(MarketDataException.class,
                () -> history.closed(new KlineStream("NOPE", Interval.M1), 0, 10));
        assertTrue(gone.getMessage().contains("Invalid symbol"), gone.getMessage());
    }
}
