package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Position;
import bot.engine.RunnerView;
import bot.engine.StrategyRunner;
import bot.notify.Notice;
import bot.store.Database;
import bot.store.StatusRepository;
import bot.testing.LogCapture;
import bot.testing.Rows;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The status publisher on real PostgreSQL, fed activity by hand: rows follow the daemon, a halt
 * or a failure is told once, and a database outage is waited out without losing the notices.
 */
class StatusPublisherTest {
    private static final long CLOSE = 1_700_000_059_999L;
    private static final RunnerView.HandledCandle CANDLE = new RunnerView.HandledCandle(1_700_000_000_000L, CLOSE,
            new BigDecimal("101.5"), CLOSE + 250);
    private static final Position LONG = new Position("XRPETH", new BigDecimal("2"), new BigDecimal("100"));

    @Test
    void publishesTellsHaltsOnceAndWaitsOutADatabaseOutage() throws Exception {
        String url = TestDatabase.freshUrl();
        try (Database db = Database.connect(url, "postgres", "", null);
             LogCapture log = LogCapture.of(StatusPublisher.class.getName())) {
            var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(StatusPublisher.class);
            logger.setLevel(ch.qos.logback.classic.Level.INFO); // the recovery line is INFO
            long id = Rows.strategy(db.jdbi(), "xrp-mr", "mean_reversion", "XRPETH", "paper", "{\"order_value\": 1}");
            AtomicBoolean down = new AtomicBoolean();
            Jdbi flaky = Jdbi.create(() -> {
                if (down.get()) {
                    throw new SQLException("connection refused (the test's outage)", "08001");
                }
                return db.dataSource().getConnection();
            });
            AtomicReference<RunnerView> view = new AtomicReference<>(
                    new RunnerView(StrategyRunner.State.RUNNING, null, true, CANDLE, LONG));
            Supplier<List<StrategyActivity>> daemon = () -> List.of(
                    new StrategyActivity(id, "xrp-mr", "1m", "RUNNING", null, false, view.get()));
            List<Notice> notices = new CopyOnWriteArrayList<>();
            StatusRepository.Instance instance = new StatusRepository.Instance("test-instance", "test-host", 4242,
                    Instant.parse("2026-11-29T00:00:00Z"));
            InstantSource clock = InstantSource.fixed(Instant.ofEpochMilli(CLOSE + 1000));
            try (StatusPublisher publisher = new StatusPublisher(new StatusRepository(flaky), instance, daemon,
                    notices::add, clock, Duration.ofMillis(20), () -> { })) {
                Map<String, Object> row = await(db.jdbi(), id, r -> "running".equals(r.get("state")));
                assertEquals("test-host", row.get("host"));
                assertEquals(4242L, row.get("pid"));
                assertEquals(250L, row.get("candle_lag_ms"));
                assertEquals(0, new BigDecimal("3.0").compareTo((BigDecimal) row.get("unrealized_pnl"))); // (101.5-100) x 2
                assertEquals(0, new BigDecimal("101.5").compareTo((BigDecimal) row.get("last_close")));

                view.set(new RunnerView(StrategyRunner.State.HALTED, "the outcome of order x-1 is unknown", true,
                        CANDLE, LONG));
                row = await(db.jdbi(), id, r -> "halted".equals(r.get("state")));
                assertEquals("the outcome of order x-1 is unknown", row.get("reason"));
                Thread.sleep(100); // several more passes: still told once
                assertEquals(List.of(Notice.Kind.HALTED), notices.stream().map(Notice::kind).toList());
                assertEquals("xrp-mr: halted: the outcome of order x-1 is unknown", notices.get(0).text());

                view.set(new RunnerView(StrategyRunner.State.RUNNING, null, true, CANDLE, LONG));
                awaitTrue(() -> notices.size() == 2, notices::toString);
                assertEquals(Notice.Kind.RESUMED, notices.get(1).kind());
                assertEquals("xrp-mr: running", notices.get(1).text());

                down.set(true);
                view.set(new RunnerView(StrategyRunner.State.FAILED, "the strategy threw java.lang.ArithmeticException",
                        true, CANDLE, LONG));
                awaitTrue(() -> notices.size() == 3, notices::toString); // the notice does not wait for the database
                assertEquals(Notice.Kind.FAILED, notices.get(2).kind());
                Thread.sleep(100); // several failed passes: one line
                assertEquals(1, log.warnings().stream().filter(w -> w.contains("cannot publish")).count(),
                        log.lines().toString());
                down.set(false);
                await(db.jdbi(), id, r -> "failed".equals(r.get("state")));
                awaitTrue(() -> log.lines().stream().anyMatch(l -> l.contains("publishing to the database again")),
                        log::lines);
            }
            logger.setLevel(null);
            Map<String, Object> last = row(db.jdbi(), id);
            assertNotNull(last.get("stopped_at"), "a clean stop marks the instance stopped");
        }
    }

    @Test
    void statesFollowTheWayUpAndTheStream() {
        long minute = 60_000;
        RunnerView warming = new RunnerView(StrategyRunner.State.RUNNING, null, false, null, Position.flat("X"));
        RunnerView running = new RunnerView(StrategyRunner.State.RUNNING, null, true, CANDLE, Position.flat("X"));
        assertEquals("starting", StrategyState.of(activity("RECONCILING", null, false, null), 0, 0).describe());
        assertEquals("warming up", StrategyState.of(activity("SUBSCRIBING", null, false, null), 0, 0).describe());
        assertEquals("warming up", StrategyState.of(activity("RUNNING", null, false, warming), 0, 0).describe());
        // Binance unreachable at start: a warm-up that does not come within a minute is said to wait for it
        assertEquals("warming up", StrategyState.of(activity("SUBSCRIBING", null, false, null), minute, 0, 0)
                .describe());
        assertEquals("waiting for the network: no warm-up candles after 61 s",
                StrategyState.of(activity("SUBSCRIBING", null, false, null), minute + 1000, 0, 0).describe());
        assertEquals("warming up", StrategyState.of(activity("RUNNING", null, false, warming), 2 * minute, minute)
                .describe());
        assertEquals("waiting for the network: no warm-up candles after 90 s",
                StrategyState.of(activity("RUNNING", null, false, warming), 2 * minute + 30_000, minute).describe());
        assertEquals("refused: unknown kind martingale",
                StrategyState.of(activity("WAITING_TO_RETRY", "unknown kind martingale", false, null), 0, 0).describe());
        assertEquals("waiting for the network: the exchange is unreachable",
                StrategyState.of(activity("WAITING_TO_RETRY", "the exchange is unreachable", true, null), 0, 0)
                        .describe());
        assertEquals("running", StrategyState.of(activity("RUNNING", null, false, running), CLOSE + 2 * minute, 0)
                .describe());
        assertEquals("waiting for the network: no closed candle for 120 s",
                StrategyState.of(activity("RUNNING", null, false, running), CLOSE + 2 * minute + 1, 0).describe());
        RunnerView noCandleYet = new RunnerView(StrategyRunner.State.RUNNING, null, true, null, Position.flat("X"));
        assertEquals("running", StrategyState.of(activity("RUNNING", null, false, noCandleYet), 5 * minute,
                4 * minute).describe());
        assertEquals(StrategyState.Code.WAITING_FOR_NETWORK, StrategyState.of(activity("RUNNING", null, false,
                noCandleYet), 7 * minute, 4 * minute).code());
        assertEquals("failed: boom", StrategyState.of(activity("RUNNING", null, false,
                new RunnerView(StrategyRunner.State.FAILED, "boom", true, null, null)), 0, 0).describe());
        assertEquals("stopped", StrategyState.of(activity("STOPPED", null, false, null), 0, 0).describe());
        assertEquals(0, new BigDecimal("3.0").compareTo(
                new RunnerView(StrategyRunner.State.RUNNING, null, true, CANDLE, LONG).unrealizedPnl()));
        assertEquals(null, running.unrealizedPnl());
        assertEquals(0, new RunnerView.HandledCandle(0, 1000, BigDecimal.ONE, 900).lagMillis());
    }

    private static StrategyActivity activity(String phase, String refusal, boolean passing, RunnerView view) {
        return new StrategyActivity(1, "s", "1m", phase, refusal, passing, view);
    }

    private static Map<String, Object> row(Jdbi jdbi, long id) {
        return jdbi.withHandle(h -> h.createQuery("select * from strategy_status where strategy_id = :id")
                .bind("id", id).mapToMap().findOne().orElse(Map.of()));
    }

    private static Map<String, Object> await(Jdbi jdbi, long id, java.util.function.Predicate<Map<String, Object>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Map<String, Object> row = Map.of();
        while (System.nanoTime() < deadline) {
            row = row(jdbi, id);
            if (done.test(row)) {
                return row;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("never published: " + row);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Supplier<Object> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), () -> String.valueOf(state.get()));
    }
}
