package bot.bench;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Network;
import bot.domain.Mode;
import bot.domain.SymbolRules;
import bot.engine.LookupBackoff;
import bot.engine.OrderFlow;
import bot.engine.StrategyIdentity;
import bot.engine.StrategyRunner;
import bot.engine.SymbolRulesSource;
import bot.execution.PaperGateway;
import bot.store.CandleRepository;
import bot.store.Database;
import bot.strategy.CommonParameters;
import bot.strategy.Strategy;
import bot.strategy.StrategyKind;
import bot.strategy.StrategyParameters;
import bot.strategy.kinds.MeanReversionKind;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * Replay, the backtest's path: stored 1m candles read back from PostgreSQL, then fed to a paper
 * mean_reversion strategy (defaults: window 20, threshold 0.005, fee 0.001, min_profit 0.002)
 * through its real {@link StrategyRunner} (queue, virtual thread, {@link OrderFlow}, risk checks,
 * {@link PaperGateway} on a fixed clock, a journal in memory), in batches as a backtest hands
 * stored candles over, and one at a time as the live feed does. Also the strategy alone in a loop,
 * and ta4j's BarSeriesManager with the same rule on the same candles. Rates per CPU second of the
 * whole process (JIT and GC included) and per wall second: the median of five runs of a second or more.
 */
final class ReplayBench {
    private static final String SYMBOL = "BENCHUSDT";
    private static final int WARM = 2;
    private static final int MEASUREMENTS = 5;
    private static final int BATCH = 1024;
    /** BTCUSDT's 2021 filters with an 8-decimal tick, so paper fills are at the close exactly (as in ta4j). */
    private static final SymbolRules RULES = new SymbolRules(SYMBOL, "TRADING", "BENCH", "USDT",
            new BigDecimal("0.00000001"), new BigDecimal("1000000"), new BigDecimal("0.00000001"),
            new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("0.00001"), BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.TEN, true, BigDecimal.ZERO, false);

    private record Rate(double perSecond, double perCpuSecond, int trades) {
    }

    private ReplayBench() {
    }

    static List<Figure> run(BenchDatabase pg, int count) throws Exception {
        List<Figure> figures = new ArrayList<>();
        List<Candle> candles = stored(pg, count, figures);
        StrategyKind kind = new MeanReversionKind();
        StrategyParameters parameters = kind.validate(Map.of(CommonParameters.ORDER_VALUE, "100"));
        Rate batched = measure(candles.size(), WARM, MEASUREMENTS, () -> runnerPass(kind, parameters, candles, BATCH));
        Rate single = measure(candles.size(), WARM, MEASUREMENTS, () -> runnerPass(kind, parameters, candles, 1));
        Rate direct = measure(candles.size(), WARM, MEASUREMENTS, () -> directPass(kind, parameters, candles));
        if (single.trades() != batched.trades()) {
            throw new IllegalStateException("fed one by one the runner made " + single.trades()
                    + " round trips, in batches " + batched.trades());
        }
        figures.add(Figure.atLeast(String.format("replay mean_reversion: runner fed batches of %,d (%,d candles, %,d round"
                + " trips)", BATCH, candles.size(), batched.trades()), batched.perCpuSecond() / 1e6, 3, "M candles/CPU-s",
                "%.2f"));
        figures.add(Figure.info("replay: runner fed batches, wall clock",
                String.format("%.2f M candles/s", batched.perSecond() / 1e6)));
        figures.add(Figure.info("replay: runner fed one candle at a time (the live handoff), per CPU-s / wall",
                String.format("%.2f / %.2f M candles/s", single.perCpuSecond() / 1e6, single.perSecond() / 1e6)));
        figures.add(Figure.info("replay: the strategy alone in a loop (no runner, instant fills)",
                String.format("%.2f M candles/CPU-s", direct.perCpuSecond() / 1e6)));
        ta4j(candles, "DecimalNum", DecimalNumFactory.getInstance(), batched.trades(), figures);
        ta4j(candles, "DoubleNum", DoubleNumFactory.getInstance(), batched.trades(), figures);
        return figures;
    }

    /** The candles written to PostgreSQL by the bot's repository, then read back by it. */
    private static List<Candle> stored(BenchDatabase pg, int count, List<Figure> figures) throws Exception {
        try (Database db = pg.fresh("bench_replay")) {
            CandleRepository repository = new CandleRepository(db.jdbi());
            List<Candle> made = CandleBackfillBenchmark.synthetic(count, 20_000_000_000L);
            for (int i = 0; i < made.size(); i += 100_000) {
                repository.save(Network.PRODUCTION, made.subList(i, Math.min(made.size(), i + 100_000)));
            }
            long t0 = System.nanoTime();
            List<Candle> candles = repository.load(Network.PRODUCTION, SYMBOL, Interval.M1, Long.MIN_VALUE, Long.MAX_VALUE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (candles.size() != count) {
                throw new IllegalStateException("stored " + count + " candles, read back " + candles.size());
            }
            figures.add(Figure.info("replay: stored candles read back from PostgreSQL",
                    String.format("%,.0f rows/s", count / seconds)));
            return candles;
        }
    }

    /** The runner fed {@code batch} candles per handoff (1: each through {@code onClosed}, as the live feed does). */
    private static int runnerPass(StrategyKind kind, StrategyParameters parameters, List<Candle> candles, int batch) {
        Clock fixed = Clock.fixed(Instant.ofEpochMilli(candles.get(0).openTime()), ZoneOffset.UTC);
        SymbolRulesSource rules = symbol -> Optional.of(RULES);
        MemoryJournal journal = new MemoryJournal();
        StrategyIdentity identity = new StrategyIdentity(1, "replay", Mode.PAPER, SYMBOL, Interval.M1);
        OrderFlow flow = new OrderFlow(identity, new PaperGateway(rules, parameters.decimal(CommonParameters.FEE_PCT),
                parameters.decimal(CommonParameters.SLIPPAGE), fixed), journal, rules, LookupBackoff.DEFAULT, d -> { }, fixed);
        StrategyRunner runner = new StrategyRunner(identity, kind.create(parameters), parameters, flow);
        runner.start();
        if (batch == 1) {
            candles.forEach(runner::onClosed);
        } else {
            for (int i = 0; i < candles.size(); i += batch) {
                runner.replay(candles.subList(i, Math.min(candles.size(), i + batch)));
            }
        }
        runner.stop();
        try {
            if (!runner.awaitStopped(Duration.ofMinutes(5)) || runner.state() != StrategyRunner.State.STOPPED) {
                throw new IllegalStateException("the replay runner ended " + runner.state());
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return journal.roundTrips();
    }

    private static int directPass(StrategyKind kind, StrategyParameters parameters, List<Candle> candles) {
        Strategy strategy = kind.create(parameters);
        DirectContext context = new DirectContext(parameters, SYMBOL);
        for (Candle c : candles) {
            context.at(c.close());
            strategy.onCandle(c, context);
        }
        return context.roundTrips();
    }

    private static void ta4j(List<Candle> candles, String numbers, org.ta4j.core.num.NumFactory factory, int botTrades,
                             List<Figure> figures) {
        long t0 = System.nanoTime();
        Ta4jReplay replay = new Ta4jReplay(candles, factory);
        double build = (System.nanoTime() - t0) / 1e9;
        Rate rate = measure(candles.size(), 1, 3, () -> replay.run(20, 0.005, 0.4));
        figures.add(Figure.info(String.format("ta4j %s BarSeriesManager, SMA rule (%d positions, bot: %d)", numbers,
                rate.trades(), botTrades), String.format("%.2f M bars/CPU-s (%.2f M/s wall; series built in %.1f s)",
                rate.perCpuSecond() / 1e6, rate.perSecond() / 1e6, build)));
    }

    /**
     * {@code warm} unmeasured passes, then the median rate of {@code measurements}, each as many
     * passes as fill a second: the process's CPU time is counted in 10 ms ticks.
     */
    private static Rate measure(int candles, int warm, int measurements, IntSupplier pass) {
        for (int i = 0; i < warm; i++) {
            pass.getAsInt();
        }
        double[] wall = new double[measurements];
        double[] cpu = new double[measurements];
        int trades = 0;
        for (int i = 0; i < measurements; i++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            long done = 0;
            do {
                trades = pass.getAsInt();
                done += candles;
            } while (System.nanoTime() - t0 < 1_000_000_000L);
            wall[i] = done / ((System.nanoTime() - t0) / 1e9);
            cpu[i] = done / ((processCpuNanos() - c0) / 1e9);
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Rate(wall[measurements / 2], cpu[measurements / 2], trades);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
