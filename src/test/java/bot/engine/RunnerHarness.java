package bot.engine;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Mode;
import bot.store.JdbiJournal;
import bot.strategy.StrategyParameters;
import bot.strategy.kinds.MeanReversionKind;
import bot.testing.AdjustableClock;
import bot.testing.Candles;
import bot.testing.Rules;
import bot.testing.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** One BTCUSDT strategy's runner over the real journal, a scripted gateway and a recording sleeper. */
final class RunnerHarness {
    static final StrategyParameters PARAMS = new MeanReversionKind().validate(Map.of("order_value", "100"));

    final Jdbi jdbi;
    final StrategyIdentity identity;
    final ScriptedGateway gateway;
    /** The engine's clock: just after candle 3 closed, so signals on candles 3 and later are fresh; waits move it. */
    final AdjustableClock clock = new AdjustableClock(Instant.ofEpochMilli(at(4, "1").openTime()));
    final RecordingSleeper sleeper = new RecordingSleeper(clock);

    RunnerHarness(Jdbi jdbi, String name, ScriptedGateway gateway) {
        this(jdbi, new StrategyIdentity(Rows.strategy(jdbi, name, "mean_reversion", "BTCUSDT", "paper",
                "{\"order_value\": 100}"), name, Mode.PAPER, "BTCUSDT", Interval.M1), gateway);
    }

    RunnerHarness(Jdbi jdbi, StrategyIdentity identity, ScriptedGateway gateway) {
        this.jdbi = jdbi;
        this.identity = identity;
        this.gateway = gateway;
        this.journal = new JdbiJournal(jdbi);
    }

    /** The journal and the exchange rules the runner uses: the real ones unless a test puts faulty ones here. */
    Journal journal;
    SymbolRulesSource rules = Rules.source(Rules.fromExchangeInfo("BTCUSDT"));

    StrategyRunner runner(ScriptedStrategy strategy) {
        OrderFlow flow = new OrderFlow(identity, gateway, journal, rules, LookupBackoff.DEFAULT, sleeper, clock,
                new java.util.SplittableRandom(7));
        return new StrategyRunner(identity, strategy, PARAMS, flow);
    }

    /** Runs the strategy over warm-up candles then live ones, and waits until its runner has drained. */
    StrategyRunner run(ScriptedStrategy strategy, List<Candle> history, List<Candle> live) throws InterruptedException {
        StrategyRunner runner = runner(strategy);
        runner.start();
        runner.onHistory(history);
        live.forEach(runner::onClosed);
        runner.stop();
        if (!runner.awaitStopped(Duration.ofSeconds(30))) {
            throw new AssertionError("runner did not stop");
        }
        return runner;
    }

    static Candle at(int minute, String price) {
        return Candles.flat("BTCUSDT", minute, price);
    }

    static long time(int minute) {
        return at(minute, "1").openTime();
    }

    List<Map<String, Object>> orders() {
        return jdbi.withHandle(h -> h.createQuery("""
                select client_order_id, side, status, requested_qty::text as requested, executed_qty::text as executed,
                       attempt, candle_open_time, reason
                from orders where strategy_id = :id order by id""").bind("id", identity.id()).mapToMap().list());
    }

    Map<String, Object> position() {
        return jdbi.withHandle(h -> h.createQuery("select qty::text as qty, entry_price::text as entry_price"
                + " from positions where strategy_id = :id").bind("id", identity.id()).mapToMap().findOne().orElse(Map.of()));
    }
}
