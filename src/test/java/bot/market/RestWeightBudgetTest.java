package bot.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.rest.RestHosts;
import bot.testing.Candles;
import bot.testing.FakeBinance;
import bot.testing.FakeBinance.RestCall;
import bot.testing.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Market-data REST goes through the host's request budget: gap fills of many streams at once stay
 * within Binance's weight per minute, and after a 429 nothing is sent before Retry-After, then the
 * callers come back spread out. Time is virtual: minutes of waiting pass in milliseconds.
 */
class RestWeightBudgetTest {
    /** The 2021 recording's REQUEST_WEIGHT limit, which the budget assumes until exchangeInfo says otherwise. */
    private static final int WEIGHT_LIMIT = 1200;
    private static final int MISSED = 5;

    private final VirtualTime time = new VirtualTime(Instant.ofEpochMilli(Candles.T0 + 10 * 60_000L),
            Duration.ofMillis(100));
    /** The process's REST hosts: one budget per host, shared by every client. */
    private final RestHosts hosts = new RestHosts(new OkHttpClient(), time, time, Duration.ofMinutes(10),
            RestHosts.DEFAULT_SPREAD, new SplittableRandom(3));
    private FakeBinance binance;

    @AfterEach
    void close() {
        if (binance != null) {
            binance.close();
        }
    }

    @Test
    void reconnectingAThousandStreamsNeverExceedsTheWeightLimit() throws Exception {
        List<KlineStream> streams = streams(1000);
        List<RecordingListener> listeners = new ArrayList<>();
        List<GapFiller> fillers = new ArrayList<>();
        RestCandleHistory history = history();
        for (KlineStream stream : streams) {
            RecordingListener listener = new RecordingListener();
            listeners.add(listener);
            fillers.add(new GapFiller(stream, history, listener, Candles.T0));
        }

        // every stream reconnects at once, and each fills its gap: GET time (1) + GET klines (2)
        runAll(fillers.stream().<Runnable>map(filler -> filler::resync).toList());

        for (RecordingListener listener : listeners) {
            assertEquals(MISSED, listener.closed.size(), "each stream got the candles it missed");
        }
        List<RestCall> calls = binance.restCalls();
        assertEquals(2000, calls.size());
        assertEquals(List.of(), calls.stream().filter(c -> c.status() != 200).toList(), "no 429, no 418");
        Map<Long, Integer> weightPerMinute = weightPerMinute(calls);
        weightPerMinute.forEach((minute, weight) -> assertTrue(weight <= WEIGHT_LIMIT, minute + ": " + weight));
        assertEquals(3000, weightPerMinute.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(weightPerMinute.size() >= 3, "spread over the minutes it needs: " + weightPerMinute);
    }

    @Test
    void afterA429NothingIsSentBeforeRetryAfterAndTheRetriesAreSpread() throws Exception {
        List<KlineStream> streams = streams(50);
        RestCandleHistory history = history();
        KlinesClient klines = new KlinesClient(hosts.host(binance.restUrl()));
        binance.rateLimitNext(Duration.ofSeconds(30));
        MarketRestException limited = assertThrows(MarketRestException.class, klines::serverTime);
        assertEquals(429, limited.status());
        Instant retryAfter = time.instant().plusSeconds(30);

        List<Runnable> fills = new ArrayList<>();
        for (KlineStream stream : streams) {
            GapFiller filler = new GapFiller(stream, history, new RecordingListener(), Candles.T0);
            fills.add(filler::resync);
        }
        runAll(fills);

        assertEquals(List.of(), binance.earlyCalls(), "nothing inside the Retry-After");
        List<RestCall> retries = binance.restCalls().subList(1, binance.restCalls().size());
        assertEquals(100, retries.size());
        retries.forEach(call -> assertFalse(call.time().isBefore(retryAfter), call.toString()));
        // each waiter's first request (GET time): at which instants (100 ms apart at best) they came back
        TreeMap<Instant, Long> comeBacks = retries.stream().filter(c -> c.path().equals("/api/v3/time"))
                .collect(Collectors.groupingBy(RestCall::time, TreeMap::new, Collectors.counting()));
        long together = comeBacks.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        Duration span = Duration.between(comeBacks.firstKey(), comeBacks.lastKey());
        assertTrue(together <= 10, "at most 10 of the 50 waiters at one instant: " + comeBacks);
        assertTrue(span.compareTo(Duration.ofSeconds(2)) >= 0, "spread over " + span + ": " + comeBacks);
    }

    /** Streams S0USDT.. with {@link #MISSED} closed candles after the one each listener has. */
    private List<KlineStream> streams(int count) {
        binance = new FakeBinance(Candles.T0 + (MISSED + 1) * 60_000L + 1);
        binance.limitWeight(time, WEIGHT_LIMIT);
        List<KlineStream> streams = new ArrayList<>();
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String symbol = "S" + i + "USDT";
            streams.add(new KlineStream(symbol, Interval.M1));
            for (int minute = 0; minute <= MISSED; minute++) {
                candles.add(Candles.flat(symbol, minute, "1." + i));
            }
        }
        binance.addCandles(candles);
        return streams;
    }

    /** The feed's gap fills, through the process's host. */
    private RestCandleHistory history() {
        return new RestCandleHistory(new KlinesClient(hosts.host(binance.restUrl())),
                new FullJitterBackoff(Duration.ofMillis(1), Duration.ofMillis(10), new SplittableRandom(5)));
    }

    /** Runs each on its own thread on the virtual time, all at once, and waits for all. */
    private void runAll(List<Runnable> work) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        time.join(); // time stands still until every worker has started
        try {
            for (Runnable runnable : work) {
                threads.add(time.start(runnable));
            }
        } finally {
            time.leave();
        }
        for (Thread thread : threads) {
            assertTrue(thread.join(Duration.ofSeconds(60)), "a worker is stuck");
        }
    }

    private static Map<Long, Integer> weightPerMinute(List<RestCall> calls) {
        return calls.stream().collect(Collectors.groupingBy(c -> Math.floorDiv(c.time().toEpochMilli(), 60_000L),
                TreeMap::new, Collectors.summingInt(RestCall::weight)));
    }
}
