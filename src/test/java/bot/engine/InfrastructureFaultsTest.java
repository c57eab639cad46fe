package bot.engine;

import static bot.engine.RunnerHarness.at;
import static bot.engine.RunnerHarness.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.SymbolRules;
import bot.store.Database;
import bot.testing.Rules;
import bot.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Infrastructure errors during an order (the database, exchangeInfo) never fail a strategy: they are
 * retried for that candle's decision; an entry is given up once its signal is stale, an exit and a
 * gateway answer never are, and nothing is ever sent twice.
 */
class InfrastructureFaultsTest {
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

    private RunnerHarness harness(ScriptedGateway exchange, FlakyJournal[] journal) {
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", exchange);
        journal[0] = new FlakyJournal(h.journal);
        h.journal = journal[0];
        return h;
    }

    @Test
    void theJournalRowCommittedButItsAnswerLostIsSentOnceUnderItsOwnId() throws Exception {
        ScriptedGateway exchange = new ScriptedGateway();
        FlakyJournal[] journal = new FlakyJournal[1];
        RunnerHarness h = harness(exchange, journal);
        journal[0].lostOpenAnswers = 2; // the BUY's row, then the SELL's
        journal[0].failedNumbers = 1;
        StrategyRunner runner = h.run(new ScriptedStrategy(Map.of(time(3), "BUY", time(4), "SELL")), HISTORY,
                List.of(at(3, "50000"), at(4, "51000")));

        assertEquals(StrategyRunner.State.STOPPED, runner.state(), "a database error does not fail the strategy");
        List<Map<String, Object>> orders = h.orders();
        assertEquals(List.of("BUY FILLED", "SELL FILLED"), orders.stream().map(o -> o.get("side") + " " + o.get("status"))
                .toList(), "no second row for the signal, and the exit not lost");
        assertEquals(orders.stream().map(o -> o.get("client_order_id")).toList(), exchange.submitted,
                "each order sent once, under the id of its one row");
        assertEquals(3, h.sleeper.waits.size(), "a wait before each retry");
        assertEquals("0", h.position().get("qty"));
    }

    @Test
    void anAnswerWhoseRecordFailsIsRecordedAgainUntilItSticksAndNeverResent() throws Exception {
        ScriptedGateway exchange = new ScriptedGateway();
        FlakyJournal[] journal = new FlakyJournal[1];
        RunnerHarness h = harness(exchange, journal);
        journal[0].failedFinalRecords = 5;
        StrategyRunner runner = h.run(new ScriptedStrategy(Map.of(time(3), "BUY")), HISTORY, List.of(at(3, "50000")));

        assertEquals(StrategyRunner.State.STOPPED, runner.state());
        assertEquals(1, exchange.submitted.size());
        assertEquals("FILLED", h.orders().get(0).get("status"));
        assertEquals("0.002", h.position().get("qty"));
        assertEquals(5, h.sleeper.waits.size());
        for (int i = 0; i < 5; i++) {
            Duration full = RetryBackoff.INFRASTRUCTURE.first().multipliedBy(1L << i);
            Duration wait = h.sleeper.waits.get(i);
            assertTrue(wait.compareTo(full.dividedBy(2)) >= 0 && wait.compareTo(full) <= 0, i + ": " + wait);
        }
    }

    @Test
    void noExchangeRulesDropsAStaleEntryAndRetriesAnExitUntilItIsPlaced() throws Exception {
        ScriptedGateway exchange = new ScriptedGateway();
        RunnerHarness h = new RunnerHarness(db.jdbi(), "s", exchange);
        SymbolRules btc = Rules.fromExchangeInfo("BTCUSDT");
        int[] failures = {0};
        // exchangeInfo answers 5xx for the next 12 asks, and nothing is cached
        h.rules = symbol -> {
            if (failures[0] > 0) {
                failures[0]--;
                throw new IllegalStateException("exchangeInfo: HTTP 503");
            }
            return Optional.of(btc);
        };
        ScriptedStrategy strategy = new ScriptedStrategy(Map.of(time(3), "BUY", time(4), "SELL", time(5), "BUY"));
        StrategyRunner runner = h.runner(strategy);
        runner.start();
        runner.onHistory(HISTORY);
        runner.onClosed(at(3, "50000")); // the BUY is placed
        runner.stop();
        assertTrue(runner.awaitStopped(Duration.ofSeconds(30)));

        RunnerHarness later = new RunnerHarness(db.jdbi(), h.identity, exchange);
        later.rules = h.rules;
        later.clock.advance(Duration.ofMinutes(1)); // candle 4 has just closed
        StrategyRunner second = later.runner(new ScriptedStrategy(Map.of(time(4), "SELL")));
        assertTrue(second.reconcile());
        failures[0] = 12;
        drain(second, at(4, "51000"));
        assertEquals(StrategyRunner.State.STOPPED, second.state());
        assertEquals(12, later.sleeper.waits.size(), "the exit waited for the rules as long as it took");
        assertEquals(List.of("BUY", "SELL"), later.orders().stream().map(o -> o.get("side")).toList());

        RunnerHarness entry = new RunnerHarness(db.jdbi(), h.identity, exchange);
        entry.rules = h.rules;
        entry.clock.advance(Duration.ofMinutes(3)); // candle 6 has just closed
        StrategyRunner third = entry.runner(new ScriptedStrategy(Map.of(time(6), "BUY")));
        assertTrue(third.reconcile());
        failures[0] = 1_000;
        drain(third, at(6, "50000"));
        assertEquals(StrategyRunner.State.STOPPED, third.state(), "no rules does not fail the strategy");
        Duration waited = entry.sleeper.waits.stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue(waited.compareTo(Duration.ofSeconds(60)) >= 0 && waited.compareTo(Duration.ofSeconds(95)) <= 0,
                "the entry was retried until its signal went stale, then dropped: " + waited);
        assertEquals(2, exchange.submitted.size());
    }

    private static void drain(StrategyRunner runner, Candle live) throws InterruptedException {
        runner.start();
        runner.onClosed(live);
        runner.stop();
        assertTrue(runner.awaitStopped(Duration.ofSeconds(30)));
    }
}
