package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.engine.LookupBackoff;
import bot.market.BinanceMarketFeed;
import bot.market.ConnectionAttemptBudget;
import bot.market.FeedTimings;
import bot.store.CandleRepository;
import bot.store.Database;
import bot.store.EnabledStrategies;
import bot.store.JdbiJournal;
import bot.strategy.StrategyRegistry;
import bot.testing.Candles;
import bot.testing.FakeBinance;
import bot.testing.GatedSleeper;
import bot.testing.LogCapture;
import bot.testing.MeanReversionReference;
import bot.testing.MeanReversionReference.Trade;
import bot.testing.ReplayFeed;
import bot.testing.Rows;
import bot.testing.Rules;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon supervises each strategy alone: one that cannot start (a symbol the exchange does
 * not know, a plugin whose create() throws, Binance not answering at start) is refused with an
 * ERROR line, waits for its retry (a gated sleeper stands for the minutes) and is tried again,
 * while the others trade exactly by the rules on real PostgreSQL.
 */
class StrategySupervisionTest {
    private static final int WINDOW = 20;
    private static final int END = 500;
    private static final String PARAMS = "{\"order_value\": \"1\", \"threshold\": 0.003}";
    private static final Duration AFTER_REFUSAL = Duration.ofMinutes(3);

    private final List<Candle> candles = Candles.xrpEth("XRPETH").subList(0, END);
    private final List<Trade> expected = MeanReversionReference.trades(candles, WINDOW, new BigDecimal("0.003"),
            BigDecimal.ONE, new BigDecimal("0.002"), new BigDecimal("0.001"), WINDOW, END);
    private final GatedSleeper retries = new GatedSleeper();
    private final Database db = TestDatabase.fresh();
    private final Jdbi jdbi = db.jdbi();
    private final LogCapture errors = LogCapture.errorsOf(StrategySupervisor.class);

    @AfterEach
    void close() {
        errors.close();
        db.close();
    }

    private Daemon daemon(StrategyRegistry registry, Exchange exchange) {
        // the engine's clock at the first live candle's close: the recorded candles are years old
        Clock engineClock = Clock.fixed(Instant.ofEpochMilli(candles.get(WINDOW).closeTime()), ZoneOffset.UTC);
        return new Daemon(new EnabledStrategies(jdbi), new JdbiJournal(jdbi), registry, exchange, engineClock,
                LookupBackoff.DEFAULT, Thread::sleep,
                new StrategyRetries(AFTER_REFUSAL, Duration.ofSeconds(10), Duration.ofMinutes(2), retries),
                new CandleArchiver(new CandleRepository(jdbi)));
    }

    private static Exchange fake(FakeBinance binance) {
        Clock clock = Clock.systemUTC();
        OkHttpClient http = new OkHttpClient();
        FeedTimings timings = FeedTimings.defaults().withRestRetry(Duration.ofMillis(5), Duration.ofMillis(50));
        return new Exchange(network -> new BinanceMarketFeed(bot.rest.RestHosts.standard(java.time.Clock.systemUTC()).host(binance.restUrl()), binance.wsUrl(), http, clock,
                ConnectionAttemptBudget.binance(clock), timings, new SplittableRandom(3)),
                network -> Rules.source(Rules.xrpEth()), Exchange.noLiveTrading("paper only"));
    }

    @Test
    void aSymbolTheExchangeDoesNotKnowIsRefusedAloneAndRetriedWhileTheOtherTrades() throws Exception {
        assertTrue(expected.size() >= 2, "too few trades to be a test: " + expected.size());
        long good = Rows.strategy(jdbi, "good", "mean_reversion", "XRPETH", "paper", PARAMS);
        Rows.strategy(jdbi, "typo", "mean_reversion", "XRPETHH", "paper", PARAMS);
        try (FakeBinance binance = new FakeBinance(candles.get(WINDOW).openTime());
             Daemon daemon = daemon(StrategyRegistry.load(getClass().getClassLoader()), fake(binance))) {
            binance.addCandles(candles);
            assertEquals(2, daemon.start());
            assertTrue(daemon.awaitFirstAttempts(Duration.ofSeconds(30)));
            assertEquals(Map.of("good", "RUNNING", "typo", "WAITING_TO_RETRY"), daemon.phases());
            assertEquals(1, errors.count(), errors.errors().toString());
            String refusal = errors.errors().get(0);
            assertTrue(refusal.startsWith("strategy refused: warm-up of xrpethh@kline_1m failed")
                    && refusal.contains("-1121"), refusal);
            retries.awaitWaits(1);
            assertEquals(List.of(AFTER_REFUSAL), retries.waits());

            await(() -> binance.openConnections() == 1, "the good strategy's stream is connected");
            for (int i = WINDOW; i < END; i++) {
                binance.streamNext("XRPETH", Interval.M1);
                if (i == WINDOW + 100) {
                    retries.pass(); // three minutes later: the typo is tried again, and refused again
                    retries.awaitWaits(2);
                }
            }
            await(() -> journaled(good).size() >= expected.size(), "the good strategy traded");
            assertEquals(expected, journaled(good));
            assertEquals(2, errors.count(), errors.errors().toString());
            assertEquals(Map.of("good", "RUNNING", "typo", "WAITING_TO_RETRY"), daemon.phases());
        }
    }

    @Test
    void aPluginWhoseCreateThrowsIsRefusedAloneAndRetriedAndCloseEndsItsWait(@TempDir Path home) throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        PluginKindsTest.buildPluginJar(home.resolve("src"), plugins.resolve("broken.jar"), "broken.BrokenKind", """
                package broken;
                import bot.strategy.*;
                import java.util.List;
                public final class BrokenKind implements StrategyKind {
                    public String name() { return "broken_plugin"; }
                    public List<ParameterSpec> parameters() { return CommonParameters.with(List.of()); }
                    public Strategy create(StrategyParameters p) {
                        throw new IllegalStateException("the plugin's model file is missing");
                    }
                }
                """);
        long good = Rows.strategy(jdbi, "good", "mean_reversion", "XRPETH", "paper", PARAMS);
        Rows.strategy(jdbi, "broken", "broken_plugin", "XRPETH", "paper", "{\"order_value\": \"1\"}");
        ReplayFeed feed = new ReplayFeed(Map.of("XRPETH", candles), WINDOW, END, () -> { });
        Daemon daemon = daemon(PluginKinds.load(plugins), new Exchange(network -> feed,
                network -> Rules.source(Rules.xrpEth()), Exchange.noLiveTrading("paper only")));
        try {
            assertEquals(2, daemon.start());
            assertTrue(daemon.awaitFirstAttempts(Duration.ofSeconds(30)));
            assertEquals(Map.of("good", "RUNNING", "broken", "WAITING_TO_RETRY"), daemon.phases());
            assertEquals(List.of("strategy refused: kind broken_plugin failed to create the strategy:"
                    + " java.lang.IllegalStateException: the plugin's model file is missing"), errors.errors());
            retries.pass();
            retries.awaitWaits(2);
            assertEquals(2, errors.count());
            await(() -> journaled(good).size() >= expected.size(), "the good strategy traded");
            assertEquals(expected, journaled(good));
        } finally {
            long t0 = System.nanoTime();
            daemon.close(); // the broken one is waiting for its retry: close ends that wait
            long took = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertTrue(took < 5_000, "close took " + took + " ms");
        }
        assertEquals(Map.of("good", "RUNNING", "broken", "STOPPED"), daemon.phases());
        assertTrue(feed.isClosed());
    }

    @Test
    void withBinanceDownAtStartTheDaemonWaitsAndTradesOnceItAnswers() throws Exception {
        long good = Rows.strategy(jdbi, "good", "mean_reversion", "XRPETH", "paper", PARAMS);
        try (FakeBinance binance = new FakeBinance(candles.get(WINDOW).openTime());
             Daemon daemon = daemon(StrategyRegistry.load(getClass().getClassLoader()), fake(binance))) {
            binance.addCandles(candles);
            binance.outage(503);
            assertEquals(1, daemon.start());
            await(() -> binance.requests("/api/v3/time") >= 5, "the warm-up is retried");
            assertFalse(daemon.awaitFirstAttempts(Duration.ofMillis(200)));
            assertEquals(Map.of("good", "SUBSCRIBING"), daemon.phases());
            assertEquals(0, errors.count(), "a passing outage is no refusal: " + errors.errors());

            binance.outage(0);
            assertTrue(daemon.awaitFirstAttempts(Duration.ofSeconds(30)));
            assertEquals(Map.of("good", "RUNNING"), daemon.phases());
            await(() -> binance.openConnections() == 1, "connected");
            for (int i = WINDOW; i < END; i++) {
                binance.streamNext("XRPETH", Interval.M1);
            }
            await(() -> journaled(good).size() >= expected.size(), "the strategy traded");
            assertEquals(expected, journaled(good));
        }
    }

    @Test
    void anUnforeseenFailureWhileStartingIsRefusedLikeAnyOtherNotLost() throws Exception {
        Rows.strategy(jdbi, "good", "mean_reversion", "XRPETH", "paper", PARAMS);
        ReplayFeed feed = new ReplayFeed(Map.of("XRPETH", candles), WINDOW, END, () -> { });
        try (Daemon daemon = daemon(StrategyRegistry.load(getClass().getClassLoader()), new Exchange(network -> feed,
                network -> {
                    throw new IllegalStateException("no rules today");
                }, Exchange.noLiveTrading("paper only")))) {
            assertEquals(1, daemon.start());
            assertTrue(daemon.awaitFirstAttempts(Duration.ofSeconds(30)));
            assertEquals(Map.of("good", "WAITING_TO_RETRY"), daemon.phases());
            assertTrue(errors.errors().contains(
                    "strategy refused: it could not start: java.lang.IllegalStateException: no rules today"),
                    errors.errors().toString());
            retries.pass();
            retries.awaitWaits(2);
        }
    }

    private List<Trade> journaled(long strategyId) {
        return jdbi.withHandle(h -> h.createQuery("""
                select side, candle_open_time, executed_qty, avg_price from orders
                where strategy_id = :id and status = 'FILLED' order by id""").bind("id", strategyId)
                .map((rs, ctx) -> new Trade(rs.getString("side"), rs.getLong("candle_open_time"),
                        rs.getBigDecimal("executed_qty").stripTrailingZeros(),
                        rs.getBigDecimal("avg_price").stripTrailingZeros())).list());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(20);
        }
    }
}
