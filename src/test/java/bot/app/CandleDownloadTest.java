package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Network;
import bot.rest.RestHosts;
import bot.store.CandleInventory;
import bot.store.CandleRepository;
import bot.store.Database;
import bot.testing.FakeBinance;
import bot.testing.TestDatabase;
import bot.testing.VirtualTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bot download's core against the fake exchange: paged klines as Binance answers them (startTime,
 * endTime, limit 1000), resumption from what is stored, and the rate limits obeyed. Time is
 * virtual: Retry-After waits pass in milliseconds.
 */
class CandleDownloadTest {
    static final long T0 = 1_700_000_040_000L - 1_700_000_040_000L % 60_000; // a minute boundary in 2023
    static final int COUNT = 2_500;

    private final VirtualTime time = new VirtualTime(Instant.ofEpochMilli(T0 + (COUNT + 5) * 60_000L), Duration.ofMillis(10));
    /** As a command's: at most 10 s of waiting for the budget before a request gives up unsent. */
    private final RestHosts hosts = new RestHosts(new OkHttpClient(), time, time, Duration.ofSeconds(10),
            Duration.ofSeconds(1), new SplittableRandom(7));
    private final AtomicBoolean stop = new AtomicBoolean();
    private FakeBinance binance;
    private Database db;
    private List<Candle> series;

    static List<Candle> minutes(String symbol, long from, int count) {
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long open = from + i * 60_000L;
            BigDecimal close = new BigDecimal("37000.00").add(BigDecimal.valueOf(i % 97, 2));
            candles.add(new Candle(symbol, Interval.M1, open, open + 59_999, close, close.add(BigDecimal.ONE),
                    close.subtract(BigDecimal.ONE), close, new BigDecimal("1.25000000"), new BigDecimal("46250.5"), 10 + i % 7,
                    true));
        }
        return candles;
    }

    @BeforeEach
    void start() {
        binance = new FakeBinance(T0 + COUNT * 60_000L + 30_000); // the next candle is forming
        series = minutes("BTCUSDT", T0, COUNT + 1);
        binance.addCandles(series);
        db = TestDatabase.fresh();
        time.join();
    }

    @AfterEach
    void close() {
        time.leave();
        binance.close();
        db.close();
    }

    private CandleDownload download() {
        return new CandleDownload(hosts.host(binance.restUrl()), new CandleRepository(db.jdbi()),
                new CandleInventory(db.jdbi()), Network.PRODUCTION, time, time, stop::get);
    }

    private List<Candle> stored() {
        return new CandleRepository(db.jdbi()).load(Network.PRODUCTION, "BTCUSDT", Interval.M1, 0, Long.MAX_VALUE);
    }

    /** Records what the download told, and asks for a stop once {@code stopAfter} candles are stored. */
    private final class Told implements CandleDownload.Progress {
        final long stopAfter;
        long planned = -1;
        final List<Long> stored = new ArrayList<>();

        Told(long stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public void planned(long candles, long firstOpen, long lastOpen) {
            planned = candles;
        }

        @Override
        public void stored(long candles) {
            stored.add(candles);
            if (candles >= stopAfter) {
                stop.set(true);
            }
        }
    }

    @Test
    void pagesOfAThousandFromStartTimeStoreEveryClosedCandleAndNotTheFormingOne() throws Exception {
        Told told = new Told(Long.MAX_VALUE);
        CandleDownload.Result result = download().run("BTCUSDT", Interval.M1, T0, Long.MAX_VALUE, told);
        assertEquals(series.subList(0, COUNT), stored());
        assertEquals(COUNT, told.planned);
        assertEquals(List.of(1000L, 2000L, 2500L), told.stored);
        // each page starts 1 ms after the last open time of the one before, as Binance pages by startTime
        assertEquals(List.of(T0, T0 + 999 * 60_000L + 1, T0 + 1999 * 60_000L + 1), binance.klinesStartTimes());
        assertEquals(new CandleDownload.Result(COUNT, COUNT, 5, false, T0, T0 + (COUNT - 1) * 60_000L), result);
    }

    @Test
    void aSecondRunAfterAnInterruptionFetchesOnlyWhatIsMissing() throws Exception {
        CandleDownload.Result first = download().run("BTCUSDT", Interval.M1, T0, Long.MAX_VALUE, new Told(1000));
        assertTrue(first.interrupted());
        // the page being stored when the stop came is kept too: 1,000 or 2,000 candles
        int kept = (int) first.stored();
        assertTrue(kept == 1000 || kept == 2000, "kept " + kept);
        assertEquals(series.subList(0, kept), stored());

        stop.set(false);
        // a hole in the middle too: the run fills both, from where each begins
        db.jdbi().useHandle(h -> h.execute("delete from candles where open_time between ? and ?", T0 + 100 * 60_000L,
                T0 + 149 * 60_000L));
        int startsBefore = binance.klinesStartTimes().size();
        Told told = new Told(Long.MAX_VALUE);
        CandleDownload.Result second = download().run("BTCUSDT", Interval.M1, T0, Long.MAX_VALUE, told);
        assertFalse(second.interrupted());
        assertEquals(COUNT - kept + 50, told.planned);
        assertEquals(COUNT - kept + 50, second.stored());
        assertEquals(series.subList(0, COUNT), stored());
        List<Long> starts = binance.klinesStartTimes().subList(startsBefore, binance.klinesStartTimes().size());
        assertEquals(T0 + 100 * 60_000L, (long) starts.get(0));
        assertEquals(T0 + kept * 60_000L, (long) starts.get(1));
        int total = binance.klinesStartTimes().size();

        Told nothing = new Told(Long.MAX_VALUE);
        CandleDownload.Result third = download().run("BTCUSDT", Interval.M1, T0, Long.MAX_VALUE, nothing);
        assertEquals(0, nothing.planned);
        assertEquals(total, binance.klinesStartTimes().size(), "no klines request when nothing is missing");
        assertEquals(1, third.requests(), "only the server time");
    }

    @Test
    void aRetryAfterIsObeyedEvenWhenLongerThanTheBudgetWaits() throws Exception {
        binance.limitWeight(time, 6000);
        binance.rateLimitNext(Duration.ofSeconds(30)); // the first request (exchangeInfo) gets a 429
        CandleDownload.Result result = download().run("BTCUSDT", Interval.M1, T0, Long.MAX_VALUE, new Told(Long.MAX_VALUE));
        assertEquals(COUNT, result.stored());
        assertEquals(series.subList(0, COUNT), stored());
        List<FakeBinance.RestCall> calls = binance.restCalls();
        assertEquals(429, calls.get(0).status());
        assertEquals(List.of(), binance.earlyCalls(), "nothing sent before Retry-After");
        assertTrue(Duration.between(calls.get(0).time(), calls.get(1).time()).compareTo(Duration.ofSeconds(30)) >= 0,
                calls.toString());
        assertTrue(calls.subList(1, calls.size()).stream().allMatch(c -> c.status() == 200), calls.toString());

        // a 429 on a klines page after that: the page is asked again once Retry-After has passed
        db.jdbi().useHandle(h -> h.execute("delete from candles where open_time >= ?", T0 + 2000 * 60_000L));
        binance.rateLimitNext(Duration.ofSeconds(5));
        int before = calls.size();
        download().run("BTCUSDT", Interval.M1, T0, Long.MAX_VALUE, new Told(Long.MAX_VALUE));
        List<FakeBinance.RestCall> later = binance.restCalls().subList(before, binance.restCalls().size());
        assertEquals(429, later.get(0).status(), later.toString());
        assertEquals("/api/v3/time", later.get(0).path(), "the limits are known: no second exchangeInfo");
        assertTrue(Duration.between(later.get(0).time(), later.get(1).time()).compareTo(Duration.ofSeconds(5)) >= 0);
        assertEquals(List.of(), binance.earlyCalls());
        assertEquals(series.subList(0, COUNT), stored());
    }

    @Test
    void serverErrorsAreRetriedAndAnUnknownSymbolIsBadInput() throws Exception {
        binance.failNext("/api/v3/klines", 2);
        CandleDownload.Result result = download().run("BTCUSDT", Interval.M1, T0, T0 + 1500 * 60_000L, new Told(Long.MAX_VALUE));
        assertEquals(1500, result.stored());
        assertEquals(series.subList(0, 1500), stored());

        InputException unknown = assertThrows(InputException.class,
                () -> download().run("NOSUCHUSDT", Interval.M1, T0, Long.MAX_VALUE, new Told(Long.MAX_VALUE)));
        assertTrue(unknown.getMessage().startsWith("--symbol: Binance does not list NOSUCHUSDT"), unknown.getMessage());
    }
}
