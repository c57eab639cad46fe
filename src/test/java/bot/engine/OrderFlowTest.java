package bot.engine;

import static bot.engine.RunnerHarness.at;
import static bot.engine.RunnerHarness.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.engine.ScriptedGateway.Submit;
import bot.store.Database;
import bot.testing.LogCapture;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order flow through a real runner and the real journal, against an exchange that loses answers. */
class OrderFlowTest {
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabase.fresh();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static final List<bot.domain.Candle> HISTORY = List.of(at(0, "50000"), at(1, "50000"), at(2, "50000"));

    @Test
    void unknownAnswerThenFoundRecordsTheOneExecution() throws Exception {
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", new ScriptedGateway().then(Submit.FILL_BUT_LOSE_ANSWER));
        StrategyRunner runner = h.run(new ScriptedStrategy(Map.of(time(3), "BUY")), HISTORY, List.of(at(3, "50000")));

        assertEquals(StrategyRunner.State.STOPPED, runner.state());
        assertEquals(1, h.gateway.executed.size());
        List<Map<String, Object>> orders = h.orders();
        assertEquals(1, orders.size());
        assertEquals("FILLED", orders.get(0).get("status"));
        assertEquals("0.002", orders.get(0).get("executed"));
        assertEquals(List.of(Duration.ofSeconds(1)), h.sleeper.waits);
        assertEquals("0.002", h.position().get("qty"));
        assertTrue(((String) orders.get(0).get("client_order_id")).matches("^[a-zA-Z0-9_-]{1,36}$"));
    }

    @Test
    void unknownAnswerThenNotFoundSendsAgainUnderANewIdOnce() throws Exception {
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", new ScriptedGateway().then(Submit.LOSE, Submit.FILL));
        h.run(new ScriptedStrategy(Map.of(time(3), "BUY")), HISTORY, List.of(at(3, "50000")));

        assertEquals(1, h.gateway.executed.size());
        assertEquals(2, h.gateway.submitted.size());
        List<Map<String, Object>> orders = h.orders();
        assertEquals(2, orders.size());
        assertEquals("EXPIRED", orders.get(0).get("status"));
        assertTrue(((String) orders.get(0).get("reason")).startsWith("does not exist at the exchange"));
        assertEquals(1, orders.get(0).get("attempt"));
        assertEquals("FILLED", orders.get(1).get("status"));
        assertEquals(2, orders.get(1).get("attempt"));
        assertEquals(orders.get(0).get("candle_open_time"), orders.get(1).get("candle_open_time"));
        assertNotEquals(orders.get(0).get("client_order_id"), orders.get(1).get("client_order_id"));
        assertEquals("0.002", h.position().get("qty"));
    }

    @Test
    void anOrderInDoubtPastTheBoundHaltsTheStrategyUntilItIsSettledThenExitsGoAndStaleEntriesDoNot() throws Exception {
        ScriptedGateway exchange = new ScriptedGateway().then(Submit.FILL_BUT_LOSE_ANSWER);
        exchange.unknownLookups = LookupBackoff.DEFAULT.waits().size() + 4; // 4 lookups after the halt began
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", exchange);
        List<StrategyRunner.State> statesWhileInDoubt = new java.util.ArrayList<>();
        ScriptedStrategy strategy = new ScriptedStrategy(Map.of(time(3), "BUY", time(4), "SELL", time(5), "BUY"));
        StrategyRunner runner = h.runner(strategy);
        exchange.onLookup = () -> statesWhileInDoubt.add(runner.state());
        try (LogCapture halts = LogCapture.errorsOf(Halt.class)) {
            runner.start();
            runner.onHistory(HISTORY);
            List.of(at(3, "50000"), at(4, "51000"), at(5, "50000")).forEach(runner::onClosed);
            runner.stop();
            assertTrue(runner.awaitStopped(Duration.ofSeconds(30)));
            assertEquals(2, halts.count(), "halt logged at ERROR when it began and when it ended: " + halts.errors());
        }

        int bounded = LookupBackoff.DEFAULT.waits().size();
        assertEquals(StrategyRunner.State.STOPPED, runner.state(), "the halt ended: the runner went on");
        assertEquals(StrategyRunner.State.RUNNING, statesWhileInDoubt.get(bounded - 1));
        assertEquals(StrategyRunner.State.HALTED, statesWhileInDoubt.get(bounded), "halted once the bounded lookups were used up");
        assertEquals(LookupBackoff.DEFAULT.waits(), h.sleeper.waits.subList(0, bounded));
        List<Duration> background = h.sleeper.waits.subList(bounded, h.sleeper.waits.size());
        assertEquals(5, background.size(), "the lookups went on past the bound until the exchange told");
        for (int i = 0; i < background.size(); i++) {
            Duration full = RetryBackoff.RESOLUTION.first().multipliedBy(1L << i);
            full = full.compareTo(RetryBackoff.RESOLUTION.cap()) > 0 ? RetryBackoff.RESOLUTION.cap() : full;
            Duration wait = background.get(i);
            assertTrue(wait.compareTo(full.dividedBy(2)) >= 0 && wait.compareTo(full) <= 0, "wait " + i + ": " + wait);
        }
        assertEquals(6, strategy.candlesSeen, "candles that came during the halt reached the strategy afterwards");
        List<Map<String, Object>> orders = h.orders();
        assertEquals(List.of("BUY FILLED", "SELL FILLED"), orders.stream().map(o -> o.get("side") + " " + o.get("status"))
                .toList(), "the exit on a candle of the halt went; the entry on another was stale and dropped");
        assertEquals(time(4), orders.get(1).get("candle_open_time"));
        assertEquals(2, exchange.submitted.size());
        assertEquals("0", h.position().get("qty"));
    }

    @Test
    void aDaemonStopDuringTheHaltLeavesTheOrderForTheNextStartWhichSettlesItWithoutSending() throws Exception {
        ScriptedGateway exchange = new ScriptedGateway().then(Submit.FILL_BUT_LOSE_ANSWER);
        exchange.unknownLookups = 1_000_000;
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", exchange);
        StrategyRunner runner = h.runner(new ScriptedStrategy(Map.of(time(3), "BUY")));
        java.util.concurrent.CountDownLatch halted = new java.util.concurrent.CountDownLatch(1);
        exchange.onLookup = () -> {
            if (runner.state() == StrategyRunner.State.HALTED) {
                halted.countDown();
            }
        };
        runner.start();
        runner.onHistory(HISTORY);
        runner.onClosed(at(3, "50000"));
        assertTrue(halted.await(30, java.util.concurrent.TimeUnit.SECONDS));
        runner.stop();
        runner.interrupt(); // what the daemon does when a runner is still busy after its drain timeout
        assertTrue(runner.awaitStopped(Duration.ofSeconds(30)));
        assertEquals(StrategyRunner.State.STOPPED, runner.state());
        assertEquals("UNKNOWN", h.orders().get(0).get("status"));
        assertEquals(Map.of(), h.position());

        exchange.onLookup = () -> { };
        exchange.unknownLookups = 0; // the exchange answers again: the restart settles the order, sends nothing new
        RunnerHarness again = new RunnerHarness(db.jdbi(), h.identity, exchange);
        again.run(new ScriptedStrategy(Map.of()), List.of(), List.of());
        assertEquals(1, exchange.submitted.size());
        assertEquals("FILLED", again.orders().get(0).get("status"));
        assertEquals("0.002", again.position().get("qty"));
    }

    @Test
    void aPreviousRunsOrderStillInDoubtAtStartIsSettledByItsRunnerBeforeItsCandles() throws Exception {
        ScriptedGateway exchange = new ScriptedGateway().then(Submit.FILL_BUT_LOSE_ANSWER);
        exchange.unknownLookups = 1_000_000;
        RunnerHarness first = new RunnerHarness(db.jdbi(), "s", exchange);
        StrategyRunner firstRunner = first.runner(new ScriptedStrategy(Map.of(time(3), "BUY")));
        exchange.onLookup = () -> {
            if (firstRunner.state() == StrategyRunner.State.HALTED) {
                firstRunner.interrupt(); // the process dies while the order is in doubt
            }
        };
        firstRunner.start();
        firstRunner.onHistory(HISTORY);
        firstRunner.onClosed(at(3, "50000"));
        firstRunner.stop();
        assertTrue(firstRunner.awaitStopped(Duration.ofSeconds(30)));
        assertEquals("UNKNOWN", first.orders().get(0).get("status"));

        exchange.unknownLookups = LookupBackoff.DEFAULT.waits().size() + 3; // past the start-up lookups
        exchange.onLookup = () -> { };
        RunnerHarness second = new RunnerHarness(db.jdbi(), first.identity, exchange);
        second.clock.advance(Duration.ofSeconds(30));
        StrategyRunner runner = second.runner(new ScriptedStrategy(Map.of(time(4), "SELL")));
        assertTrue(runner.reconcile(), "a strategy with an order in doubt still runs: its runner settles the order first");
        assertEquals(StrategyRunner.State.HALTED, runner.state());
        String inDoubt = (String) first.orders().get(0).get("client_order_id");
        assertEquals(StrategyRunner.State.HALTED, runner.view().state());
        assertTrue(runner.view().reason().startsWith("the outcome of order " + inDoubt + " is unknown since "),
                runner.view().reason());
        runner.start();
        runner.onClosed(at(4, "51000"));
        runner.stop();
        assertTrue(runner.awaitStopped(Duration.ofSeconds(30)));
        assertEquals(StrategyRunner.State.STOPPED, runner.state());
        assertEquals(List.of("BUY FILLED", "SELL FILLED"), second.orders().stream()
                .map(o -> o.get("side") + " " + o.get("status")).toList());
        assertEquals(2, exchange.submitted.size(), "the order in doubt was never sent again");
    }

    @Test
    void anEntryWhoseSignalClosedMoreThanAnIntervalAgoIsNotSentAndAnExitStillIs() throws Exception {
        ScriptedGateway exchange = new ScriptedGateway();
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", exchange);
        h.clock.advance(Duration.ofMillis(59_999)); // candle 3 closed 60 s ago: one interval, not more
        h.run(new ScriptedStrategy(Map.of(time(3), "BUY")), HISTORY, List.of(at(3, "50000")));
        assertEquals(1, exchange.submitted.size());

        RunnerHarness late = new RunnerHarness(db.jdbi(), "late", exchange);
        late.clock.advance(Duration.ofMillis(60_000)); // more than one interval ago
        try (LogCapture log = LogCapture.errorsOf(SignalAge.class)) {
            late.run(new ScriptedStrategy(Map.of(time(3), "BUY")), HISTORY, List.of(at(3, "50000")));
            assertEquals(1, log.warnings().size(), log.warnings().toString());
        }
        assertEquals(List.of(), late.orders());
        assertEquals(1, exchange.submitted.size());

        RunnerHarness exit = new RunnerHarness(db.jdbi(), h.identity, exchange);
        exit.clock.advance(Duration.ofHours(2)); // an exit goes however late its signal
        exit.run(new ScriptedStrategy(Map.of(time(4), "SELL")), List.of(), List.of(at(4, "51000")));
        assertEquals(List.of("BUY", "SELL"), exit.orders().stream().map(o -> o.get("side")).toList());
        assertEquals(2, exchange.submitted.size());
    }

    @Test
    void anExitTheExchangeNeverGotIsSentAgainUnderNewIdsUntilItHasIt() throws Exception {
        ScriptedGateway exchange = new ScriptedGateway().then(Submit.FILL, Submit.LOSE, Submit.LOSE, Submit.LOSE,
                Submit.LOSE, Submit.FILL);
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", exchange);
        h.run(new ScriptedStrategy(Map.of(time(3), "BUY", time(4), "SELL")), HISTORY,
                List.of(at(3, "50000"), at(4, "51000")));
        List<Map<String, Object>> orders = h.orders();
        assertEquals(List.of("FILLED", "EXPIRED", "EXPIRED", "EXPIRED", "EXPIRED", "FILLED"),
                orders.stream().map(o -> o.get("status")).toList());
        assertEquals(6, orders.stream().map(o -> o.get("client_order_id")).distinct().count(), "never an id twice");
        assertEquals(2, exchange.executed.size());
        assertEquals("0", h.position().get("qty"));
    }

    @Test
    void anEntryTheExchangeNeverGotIsSentAtMostThreeTimes() throws Exception {
        ScriptedGateway exchange = new ScriptedGateway().then(Submit.LOSE, Submit.LOSE, Submit.LOSE, Submit.FILL);
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", exchange);
        h.run(new ScriptedStrategy(Map.of(time(3), "BUY")), HISTORY, List.of(at(3, "50000")));
        assertEquals(List.of("EXPIRED", "EXPIRED", "EXPIRED"), h.orders().stream().map(o -> o.get("status")).toList());
        assertEquals(3, exchange.submitted.size());
        assertEquals(Map.of(), h.position());
    }

    @Test
    void aDeniedExitIsLoggedAtErrorOncePerPositionNotPerCandle() throws Exception {
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", new ScriptedGateway());
        try (LogCapture log = LogCapture.errorsOf(OrderFlow.class)) {
            // bought 0.002 BTC at 50000; at 4000 it is worth 8 USDT, below BTCUSDT's minimum notional of 10
            h.run(new ScriptedStrategy(Map.of(time(3), "BUY", time(4), "SELL", time(5), "SELL", time(6), "SELL")),
                    HISTORY, List.of(at(3, "50000"), at(4, "4000"), at(5, "4000"), at(6, "4000")));
            assertEquals(1, log.count(), log.errors().toString());
            assertTrue(log.errors().get(0).startsWith("exit denied"), log.errors().get(0));
        }
        assertEquals(1, h.orders().size());
        assertEquals("0.002", h.position().get("qty"));
    }

    @Test
    void noOrderOnWarmUpAndAtMostOnePerCandle() throws Exception {
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", new ScriptedGateway());
        ScriptedStrategy strategy = new ScriptedStrategy(Map.of(time(0), "BUY", time(1), "BUY_TWICE",
                time(3), "BUY_TWICE"));
        h.run(strategy, HISTORY, List.of(at(3, "50000")));
        assertEquals(1, h.orders().size());
        assertEquals(time(3), h.orders().get(0).get("candle_open_time"));
        assertEquals(4, strategy.candlesSeen);
    }

    @Test
    void aRejectionIsRecordedAndTheStrategyGoesOn() throws Exception {
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", new ScriptedGateway().then(Submit.REJECT, Submit.FILL));
        StrategyRunner runner = h.run(new ScriptedStrategy(Map.of(time(3), "BUY", time(4), "BUY")), HISTORY,
                List.of(at(3, "50000"), at(4, "50000")));
        assertEquals(StrategyRunner.State.STOPPED, runner.state());
        assertEquals(List.of("REJECTED", "FILLED"), h.orders().stream().map(o -> o.get("status")).toList());
    }

    @Test
    void deniedOrdersNeverReachTheJournal() throws Exception {
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", new ScriptedGateway());
        // SELL while flat, then a BUY worth 100 USDT at a price where it is below minQty after rounding
        h.run(new ScriptedStrategy(Map.of(time(3), "SELL", time(4), "BUY")), HISTORY,
                List.of(at(3, "50000"), at(4, "20000000")));
        assertEquals(List.of(), h.orders());
        assertEquals(List.of(), h.gateway.submitted);
    }

    @Test
    void aThrowingStrategyStopsOnlyItsOwnRunner() throws Exception {
        RunnerHarness bad = new RunnerHarness(db.jdbi(), "bad", new ScriptedGateway());
        RunnerHarness good = new RunnerHarness(db.jdbi(), "good", new ScriptedGateway());
        StrategyRunner badRunner = bad.runner(new ScriptedStrategy(Map.of(time(3), "THROW", time(4), "BUY")));
        StrategyRunner goodRunner = good.runner(new ScriptedStrategy(Map.of(time(4), "BUY")));
        for (StrategyRunner r : List.of(badRunner, goodRunner)) {
            r.start();
            r.onHistory(HISTORY);
            r.onClosed(at(3, "50000"));
            r.onClosed(at(4, "50000"));
            r.stop();
        }
        assertTrue(badRunner.awaitStopped(Duration.ofSeconds(30)) && goodRunner.awaitStopped(Duration.ofSeconds(30)));
        assertEquals(StrategyRunner.State.FAILED, badRunner.state());
        assertTrue(badRunner.view().reason().startsWith("the strategy threw "), badRunner.view().reason());
        assertEquals(null, goodRunner.view().reason());
        assertEquals(at(4, "50000").openTime(), goodRunner.view().lastCandle().openTime());
        assertTrue(goodRunner.view().warmedUp());
        assertFalse(goodRunner.view().position().isFlat(), "the view has the position after the candle's BUY");
        assertEquals(StrategyRunner.State.STOPPED, goodRunner.state());
        assertEquals(List.of(), bad.orders());
        assertEquals(1, good.orders().size());
    }

    @Test
    void aRestartResumesWithThePositionAndNeverSendsTwiceForOneCandle() throws Exception {
        ScriptedGateway exchange = new ScriptedGateway();
        RunnerHarness first = new RunnerHarness(db.jdbi(), "s", exchange);
        first.run(new ScriptedStrategy(Map.of(time(3), "BUY")), HISTORY, List.of(at(3, "50000")));

        // a new runner (as after a restart) sees candle 3 again live and wants to SELL on it: the risk
        // check passes (it holds the restored position), but the journal already has an order for
        // that candle, so nothing is sent; it sells on candle 4
        RunnerHarness second = new RunnerHarness(db.jdbi(), first.identity, exchange);
        second.run(new ScriptedStrategy(Map.of(time(3), "SELL", time(4), "SELL")), List.of(at(1, "50000"), at(2, "50000")),
                List.of(at(3, "50000"), at(4, "51000")));
        List<Map<String, Object>> orders = second.orders();
        assertEquals(List.of("BUY", "SELL"), orders.stream().map(o -> o.get("side")).toList());
        assertEquals("0.002", orders.get(1).get("requested"));
        assertEquals(2, exchange.submitted.size());
        assertEquals("0", second.position().get("qty")); // flat: the row stays with qty 0
    }

    @Test
    void roundTripValuesABaseAssetCommissionAtItsFillPrice() throws Exception {
        ScriptedGateway exchange = new ScriptedGateway();
        exchange.buyFeeInBase = true;
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", exchange);
        h.run(new ScriptedStrategy(Map.of(time(3), "BUY")), HISTORY, List.of(at(3, "50000")));
        // bought 0.002, commission 0.000002 BTC: 0.001998 rounded down to the 0.00001 step
        assertEquals("0.00199", h.position().get("qty"));
        assertEquals("50000", new BigDecimal((String) h.position().get("entry_price")).stripTrailingZeros().toPlainString());

        RunnerHarness later = new RunnerHarness(db.jdbi(), h.identity, exchange); // restored from the table
        later.run(new ScriptedStrategy(Map.of(time(4), "SELL")), List.of(), List.of(at(4, "51000")));
        Map<String, Object> trip = db.jdbi().withHandle(x -> x.createQuery("""
                select qty, entry_price, exit_price, entry_value, exit_value, fees, net_pnl, gross_pnl
                from round_trips where strategy_id = :id""").bind("id", h.identity.id()).mapToMap().one());
        assertDecimal("0.00199", trip.get("qty"));
        assertDecimal("50000", trip.get("entry_price"));
        assertDecimal("51000", trip.get("exit_price"));
        assertDecimal("100", trip.get("entry_value")); // 0.002 x 50000
        assertDecimal("101.49", trip.get("exit_value")); // 0.00199 x 51000
        assertDecimal("0.20149", trip.get("fees")); // 0.000002 BTC x 50000 + 101.49 x 0.001
        assertDecimal("1.38851", trip.get("net_pnl")); // 101.49 - 100 - 0.10149 (only the SELL fee was in USDT)
        assertDecimal("1.59", trip.get("gross_pnl"));
        assertEquals("0", later.position().get("qty"));
    }

    private static void assertDecimal(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), expected + " vs " + actual);
    }
}
