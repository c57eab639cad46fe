package bot.bench;

import bot.app.Backtester;
import bot.app.ParameterSweep;
import bot.backtest.RunRecord;
import bot.backtest.SweepAxis;
import bot.backtest.SweepRank;
import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Network;
import bot.domain.SymbolRules;
import bot.store.CandleRepository;
import bot.store.Database;
import bot.store.SymbolRulesRepository;
import bot.strategy.StrategyParameters;
import bot.strategy.StrategyRegistry;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bot backtest}'s speed on one year of 1m candles (525,600, synthetic: {@link SyntheticMarket#noisy()}):
 * the read from PostgreSQL alone; the whole command's work (plan: read and checks; run: the
 * runner, order flow, risk checks and paper fills over every candle; the run stored); the run alone
 * once the candles are loaded, per CPU second; and a sweep of parameter sets (window x threshold)
 * over the year on all cores, nothing stored.
 */
final class BacktestBench {
    private static final String SYMBOL = "BTCUSDT";
    private static final long YEAR_START = 1_704_067_200_000L; // 2024-01-01

    private BacktestBench() {
    }

    static List<Figure> run(BenchDatabase pg, int count, int sweepSets) throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (Database db = pg.fresh("bench_backtest")) {
            figures.add(Figure.info("store " + count + " 1m candles (setup)", seconds(storeYear(db, count))));
            new SymbolRulesRepository(db.jdbi()).save(Network.PRODUCTION, rules());
            db.jdbi().useHandle(h -> h.execute("vacuum analyze candles"));

            CandleRepository repository = new CandleRepository(db.jdbi());
            double[] read = new double[3];
            for (int i = 0; i < read.length; i++) {
                long r0 = System.nanoTime();
                int n = repository.load(Network.PRODUCTION, SYMBOL, Interval.M1, Long.MIN_VALUE, Long.MAX_VALUE).size();
                read[i] = n / ((System.nanoTime() - r0) / 1e9);
            }
            Arrays.sort(read);
            figures.add(Figure.info("read the year from PostgreSQL (median of 3)", String.format("%.0f rows/s",
                    read[1])));

            Backtester backtester = new Backtester(db.jdbi(), StrategyRegistry.load(BacktestBench.class.getClassLoader()),
                    network -> symbol -> Optional.empty());
            Backtester.Request request = new Backtester.Request(null, "mean_reversion", SYMBOL, "1m",
                    "{\"order_value\": 100}", "--config", null, null);
            double[] endToEnd = new double[5];
            long[][] phases = new long[5][];
            int trades = 0;
            for (int i = 0; i < endToEnd.length; i++) {
                System.gc(); // each run starts with an empty young generation, as a fresh bot backtest does
                long g0 = gcMillis();
                long e0 = System.nanoTime();
                Backtester.Plan planned = backtester.plan(request);
                long e1 = System.nanoTime();
                StrategyParameters p = planned.parameters(Map.of());
                RunRecord record = Backtester.replay(planned, p);
                long e2 = System.nanoTime();
                Backtester.Outcome outcome = backtester.store(planned, p, record);
                long e3 = System.nanoTime();
                endToEnd[i] = count / ((e3 - e0) / 1e9);
                phases[i] = new long[] {e1 - e0, e2 - e1, e3 - e2, gcMillis() - g0};
                trades = (int) outcome.report().total().trades();
            }
            Arrays.sort(endToEnd);
            figures.add(Figure.atLeast("end to end: read, run, store (median of 5; " + trades + " round trips)",
                    endToEnd[2] / 1e6, 1.0, "M candles/s", "%.2f"));
            StringBuilder split = new StringBuilder();
            for (long[] phase : phases) {
                split.append(split.isEmpty() ? "" : "; ").append(String.format("%d / %d / %d ms (GC %d ms)",
                        phase[0] / 1_000_000, phase[1] / 1_000_000, phase[2] / 1_000_000, phase[3]));
            }
            figures.add(Figure.info("end to end, each run: read and checks / run / store (GC in all)",
                    split.toString()));

            Backtester.Plan plan = backtester.plan(request);
            StrategyParameters parameters = plan.parameters(Map.of());
            double[] cpu = new double[5];
            double[] wall = new double[5];
            for (int i = 0; i < cpu.length + 2; i++) {
                long c0 = cpuNanos();
                long w0 = System.nanoTime();
                RunRecord record = Backtester.replay(plan, parameters);
                if (i >= 2) { // two unmeasured runs for the JIT
                    cpu[i - 2] = count / ((cpuNanos() - c0) / 1e9);
                    wall[i - 2] = count / ((System.nanoTime() - w0) / 1e9);
                }
                if (record.orders().isEmpty()) {
                    throw new IllegalStateException("the backtest made no order");
                }
            }
            Arrays.sort(cpu);
            Arrays.sort(wall);
            figures.add(Figure.atLeast("run once loaded, per CPU second (median of 5)", cpu[2] / 1e6, 3.0,
                    "M candles/CPU-s", "%.2f"));
            figures.add(Figure.info("run once loaded, wall", String.format("%.2f M candles/s", wall[2] / 1e6)));

            int windows = Math.max(1, sweepSets / 20);
            List<SweepAxis> axes = List.of(SweepAxis.parse("window=10.." + (9 + windows) + ":1"),
                    SweepAxis.parse("threshold=0.001..0.02:0.001"));
            List<Map<String, String>> combos = ParameterSweep.combinations(axes);
            Backtester.Plan sweepPlan = backtester.plan(request, combos);
            int threads = Runtime.getRuntime().availableProcessors();
            long s0 = System.nanoTime();
            List<ParameterSweep.Result> results = ParameterSweep.run(backtester, sweepPlan, combos, SweepRank.NET_PROFIT,
                    false, threads);
            double sweepSeconds = (System.nanoTime() - s0) / 1e9;
            figures.add(Figure.atMost("sweep of " + combos.size() + " parameter sets over the year on " + threads
                    + " cores (best: " + results.get(0).values() + ")", sweepSeconds, 60.0 * combos.size() / 1000, "s",
                    "%.1f"));
        }
        return figures;
    }

    /** Stores the candles; the nanoseconds it took. The candles are not kept: the runs measured read their own. */
    private static long storeYear(Database db, int count) {
        SyntheticMarket market = SyntheticMarket.noisy();
        List<Candle> candles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            candles.add(market.candle(SYMBOL, Interval.M1, YEAR_START + i * 60_000L));
        }
        long t0 = System.nanoTime();
        new CandleRepository(db.jdbi()).save(Network.PRODUCTION, candles);
        return System.nanoTime() - t0;
    }

    private static long gcMillis() {
        long millis = 0;
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += collector.getCollectionTime();
        }
        return millis;
    }

    private static SymbolRules rules() {
        return new SymbolRules(SYMBOL, "TRADING", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("1000000"),
                new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("0.00001"),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("5"), true, BigDecimal.ZERO, false);
    }

    private static String seconds(long nanos) {
        return String.format("%.2f s", nanos / 1e9);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
