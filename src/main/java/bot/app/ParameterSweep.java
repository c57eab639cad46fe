package bot.app;

import bot.backtest.RunRecord;
import bot.backtest.RunReport;
import bot.backtest.SweepAxis;
import bot.backtest.SweepRank;
import bot.report.Kpis;
import bot.report.Report;
import bot.strategy.StrategyParameters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bot backtest --sweep}: every combination of the swept values, each its own runner over the
 * one list of candles the plan loaded (shared read-only), run in parallel on all cores with a
 * journal in memory, ranked by a KPI. Every combination's parameters are checked before the first
 * run; runs are stored only when asked ({@code keep}).
 */
public final class ParameterSweep {

    /** One combination: the swept values, its KPIs and its stored run's id (null unless kept). */
    public record Result(Map<String, String> values, Kpis kpis, Long runId) {
    }

    private ParameterSweep() {
    }

    /** Every combination of the axes (checked against the kind when the plan is made). */
    public static List<Map<String, String>> combinations(List<SweepAxis> axes) {
        Set<String> names = new HashSet<>();
        for (SweepAxis axis : axes) {
            if (!names.add(axis.name())) {
                throw new InputException("--sweep: " + axis.name() + " is swept twice");
            }
        }
        return SweepAxis.combinations(axes);
    }

    /** Runs every combination on {@code threads} threads; all results, best first by {@code rank}. */
    public static List<Result> run(Backtester backtester, Backtester.Plan plan, List<Map<String, String>> combos,
            SweepRank rank, boolean keep, int threads) throws InterruptedException {
        List<Result> results = new ArrayList<>(combos.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Result>> futures = new ArrayList<>(combos.size());
            for (Map<String, String> combo : combos) {
                futures.add(pool.submit(() -> one(backtester, plan, combo, keep)));
            }
            for (Future<Result> future : futures) {
                results.add(future.get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        results.sort(Comparator.comparing(Result::kpis, rank.order()));
        return results;
    }

    private static Result one(Backtester backtester, Backtester.Plan plan, Map<String, String> combo, boolean keep)
            throws InterruptedException {
        StrategyParameters parameters = plan.parameters(combo);
        RunRecord record = Backtester.replay(plan, parameters);
        if (keep) {
            Backtester.Outcome stored = backtester.store(plan, parameters, record);
            return new Result(combo, stored.report().total(), stored.runId());
        }
        Report report = RunReport.of(plan.name(), plan.symbol(), record);
        return new Result(combo, report.total(), null);
    }
}
