package bot.engine;

import static bot.engine.RunnerHarness.at;
import static bot.engine.RunnerHarness.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.risk.Block;
import bot.risk.Limits;
import bot.risk.RiskSettings;
import bot.risk.Scope;
import bot.store.Database;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits inside a real runner and order flow (real journal, scripted exchange, in-memory
 * limits): entries asked about, exits never; a trip on the equity path; a flatten posted to the queue.
 */
class RiskLimitsFlowTest {
    private static final List<Candle> HISTORY = List.of(at(0, "50000"), at(1, "50000"), at(2, "50000"));
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabase.fresh();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static StrategyRunner runner(RunnerHarness h, RiskBook book, ScriptedStrategy strategy) {
        OrderFlow flow = new OrderFlow(h.identity, h.gateway, h.journal, h.rules, LookupBackoff.DEFAULT, h.sleeper,
                h.clock, new java.util.SplittableRandom(7), book.seat(h.identity, "main", new BigDecimal("100")));
        return new StrategyRunner(h.identity, strategy, RunnerHarness.PARAMS, flow);
    }

    private static void run(StrategyRunner runner, List<Candle> history, List<Candle> live) throws InterruptedException {
        runner.start();
        runner.onHistory(history);
        live.forEach(runner::onClosed);
        runner.stop();
        assertTrue(runner.awaitStopped(Duration.ofSeconds(30)));
    }

    private static Block halt(long id, Scope scope, boolean flatten) {
        return new Block(id, scope, null, "test", null, null, Instant.EPOCH, null, flatten);
    }

    private List<String> sides(RunnerHarness h) {
        return h.orders().stream().map(o -> o.get("side") + "@" + o.get("candle_open_time") + ":" + o.get("status"))
                .toList();
    }

    @Test
    void aHaltDeniesEntriesButNeverAnExit() throws Exception {
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", new ScriptedGateway());
        RiskBook book = RiskBook.inMemory(h.clock);
        run(runner(h, book, new ScriptedStrategy(Map.of(time(3), "BUY"))), HISTORY, List.of(at(3, "50000")));

        book.apply(new RiskSettings(Map.of(), List.of(halt(1, Scope.ALL, false)), Map.of()));
        List<Candle> history = List.of(at(1, "50000"), at(2, "50000"), at(3, "50000"));
        run(runner(h, book, new ScriptedStrategy(Map.of(time(5), "SELL", time(7), "BUY"))), history,
                List.of(at(4, "50000"), at(5, "50000"), at(6, "50000"), at(7, "50000")));

        assertEquals(List.of("BUY@" + time(3) + ":FILLED", "SELL@" + time(5) + ":FILLED"), sides(h),
                "the exit went out while halted, the entry did not");
    }

    @Test
    void aDrawdownOfTheOpenPositionTripsAndStopsTheNextEntryWhileTheExitGoes() throws Exception {
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", new ScriptedGateway());
        RiskBook book = RiskBook.inMemory(h.clock);
        // bought 0.002 at 50000 for 100 plus a 0.1 fee: at 45000 the position is worth 90, equity -10.1
        book.apply(new RiskSettings(Map.of(Scope.strategy("s"), Limits.of(Scope.Kind.STRATEGY,
                Map.of("max_drawdown", "10.1USDT"))), List.of(), Map.of()));
        run(runner(h, book, new ScriptedStrategy(Map.of(time(3), "BUY", time(6), "SELL", time(7), "BUY"))), HISTORY,
                List.of(at(3, "50000"), at(4, "45000"), at(5, "44999.99"), at(6, "45000"), at(7, "45000")));

        assertEquals(List.of("BUY@" + time(3) + ":FILLED", "SELL@" + time(6) + ":FILLED"), sides(h),
                "tripped at 44999.99 (10.10002 below the peak), not at 45000 (exactly 10.1): no entry after it");
    }

    @Test
    void aFlattenSellsTheOpenPositionOnceOnTheRunnersThread() throws Exception {
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", new ScriptedGateway());
        RiskBook book = RiskBook.inMemory(h.clock);
        StrategyRunner runner = runner(h, book, new ScriptedStrategy(Map.of(time(3), "BUY", time(5), "BUY")));
        runner.start();
        runner.onHistory(HISTORY);
        runner.onClosed(at(3, "50000"));
        for (int i = 0; i < 200 && !"0.002".equals(h.position().get("qty")); i++) {
            Thread.sleep(25);
        }
        assertEquals("0.002", h.position().get("qty"));
        List<Runnable> twice = new ArrayList<>();
        RiskSettings flatten = new RiskSettings(Map.of(), List.of(halt(7, Scope.account("main"), true)), Map.of());
        twice.add(() -> book.apply(flatten));
        twice.add(() -> book.apply(flatten)); // a re-read of the same halt flattens nothing more
        twice.forEach(Runnable::run);
        runner.onClosed(at(4, "50000"));
        runner.onClosed(at(5, "50000"));
        runner.stop();
        assertTrue(runner.awaitStopped(Duration.ofSeconds(30)));

        long flattenTime = at(3, "1").closeTime();
        assertEquals(List.of("BUY@" + time(3) + ":FILLED", "SELL@" + flattenTime + ":FILLED"), sides(h),
                "one SELL priced at the last close, and no entry after the halt");
        assertEquals("0", h.position().get("qty"));
    }
}
