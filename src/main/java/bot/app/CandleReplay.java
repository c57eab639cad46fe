package bot.app;

import bot.backtest.CandleClock;
import bot.backtest.ClockedStrategy;
import bot.backtest.MemoryJournal;
import bot.backtest.RunRecord;
import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Mode;
import bot.engine.LookupBackoff;
import bot.engine.OrderFlow;
import bot.engine.RiskBook;
import bot.engine.StrategyIdentity;
import bot.engine.StrategyRunner;
import bot.engine.TradeEvents;
import bot.engine.SymbolRulesSource;
import bot.execution.PaperGateway;
import bot.strategy.CommonParameters;
import bot.strategy.Strategy;
import bot.strategy.StrategyKind;
import bot.strategy.StrategyParameters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One backtest run: {@code bot start}'s wiring of a paper strategy (its runner, order flow,
 * pre-trade checks and {@link PaperGateway}), with the three parts a backtest swaps in chosen here:
 * stored candles instead of a stream, a clock that follows them ({@link CandleClock}, moved by
 * {@link ClockedStrategy}), and a journal in memory. Nothing in the engine or the strategy knows.
 */
final class CandleReplay {

    private CandleReplay() {
    }

    /**
     * Runs {@code kind} over {@code candles} after warming it up on the last of {@code warmup} it asks
     * for (a sweep's plan holds as many as its longest-warming combination needs); the run's journal.
     *
     * @throws IllegalStateException when the strategy failed (its code threw) or the runner did not end
     */
    static RunRecord run(StrategyKind kind, StrategyParameters parameters, String name, String symbol,
            Interval interval, SymbolRulesSource rules, List<Candle> warmup, List<Candle> candles)
            throws InterruptedException {
        return run(kind, parameters, name, symbol, interval, rules, warmup, candles, BacktestLimits.NONE);
    }

    /** The same under the strategy's risk limits, as the daemon checks them: the trips are in the record. */
    static RunRecord run(StrategyKind kind, StrategyParameters parameters, String name, String symbol,
            Interval interval, SymbolRulesSource rules, List<Candle> warmup, List<Candle> candles,
            BacktestLimits limits) throws InterruptedException {
        QuietBacktestLogs.install();
        Candle first = candles.get(0);
        CandleClock clock = new CandleClock(first.openTime());
        Strategy created = kind.create(parameters);
        Strategy strategy = new ClockedStrategy(created, clock);
        List<Candle> history = warmup.subList(Math.max(0, warmup.size() - Math.max(0, created.warmupCandles())),
                warmup.size());
        MemoryJournal journal = new MemoryJournal();
        PaperGateway gateway = new PaperGateway(rules, parameters.decimal(CommonParameters.FEE_PCT),
                parameters.decimal(CommonParameters.SLIPPAGE), clock);
        StrategyIdentity identity = new StrategyIdentity(0, QuietBacktestLogs.PREFIX + name, Mode.PAPER, symbol,
                interval);
        TripLog trips = new TripLog();
        RiskBook book = RiskBook.withFixedLimits(trips, clock, limits.settings(identity.name()));
        // Paper orders never wait on lookups or retries: the sleeper is never called.
        Map<String, Long> refused = new TreeMap<>(); // counted on the runner's thread, read after it stopped
        TradeEvents refusals = (strategy1, side, reason) -> refused.merge(reasonCode(reason), 1L, Long::sum);
        OrderFlow flow = new OrderFlow(identity, gateway, journal, rules, LookupBackoff.DEFAULT, Thread::sleep, clock,
                book.seat(identity, limits.account(), parameters.decimal(CommonParameters.ORDER_VALUE)), refusals);
        StrategyRunner runner = new StrategyRunner(identity, strategy, parameters, flow);
        if (!runner.reconcile()) {
            throw new IllegalStateException("the backtest's runner could not start (see the log)");
        }
        runner.onHistory(history);
        runner.replay(candles);
        runner.stop();
        runner.start();
        while (!runner.awaitStopped(Duration.ofMinutes(1))) {
            // a long run: keep waiting, its thread only computes
        }
        if (runner.state() != StrategyRunner.State.STOPPED) {
            throw new IllegalStateException("the strategy failed during the backtest (state " + runner.state()
                    + "; see the log for its exception)");
        }
        Candle last = candles.get(candles.size() - 1);
        return journal.record(last.close(), last.closeTime()).withChecks(trips.lines(), refused);
    }

    /** "MIN_NOTIONAL: notional 3 is below 5" is counted as MIN_NOTIONAL. */
    private static String reasonCode(String reason) {
        int colon = reason.indexOf(':');
        return colon > 0 ? reason.substring(0, colon) : reason;
    }
}
