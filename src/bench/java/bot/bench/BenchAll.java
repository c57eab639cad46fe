package bot.bench;

import bot.app.LogSetup;
import bot.config.Settings;
import bot.config.SettingsLoader;
import bot.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmarks one after the other and prints every figure, then a summary table with
 * each figure's target and whether it was met. Argument: the parts to run, comma-separated, from
 * parse, latency, replay, startup, capacity, backfill, risk, notify, history, backtest, report, dashboard,
 * failover; {@code all} (the default) is every one but report and dashboard, whose journals of a million
 * fills take a minute to make, and failover (two bots killed and stopped in turn, a minute or two). The bot's log of the
 * in-process parts goes to a temporary folder, as {@code bot start} would write it.
 * Settings (system properties): bench.signals (10000), bench.steadySeconds (60), bench.capacityCounts
 * (10,100,1000), bench.replayCandles (1000000), bench.startupRuns (5), bench.notifyOrders (2000), bench.botJavaOpts (extra JVM
 * options for the bot's child processes, e.g. a JFR recording).
 */
public final class BenchAll {
    static final List<String> ALL = List.of("parse", "latency", "replay", "startup", "capacity", "backfill", "risk",
            "notify", "history", "backtest");

    private BenchAll() {
    }

    @FunctionalInterface
    private interface Part {
        List<Figure> run(BenchDatabase pg) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = new ArrayList<>();
        for (String part : (args.length == 0 ? "all" : args[0]).split(",")) {
            if (part.equals("all")) {
                parts.addAll(ALL);
            } else {
                parts.add(part);
            }
        }
        Map<String, Part> known = new LinkedHashMap<>();
        known.put("parse", pg -> ParseBench.run());
        known.put("latency", pg -> LatencyBench.run(pg, 2_000, Integer.getInteger("bench.signals", 10_000)));
        known.put("replay", pg -> ReplayBench.run(pg, Integer.getInteger("bench.replayCandles", 1_000_000)));
        known.put("startup", pg -> StartupBench.run(pg, Integer.getInteger("bench.startupRuns", 5)));
        known.put("capacity", pg -> CapacityBench.run(pg, Integer.getInteger("bench.steadySeconds", 60)));
        known.put("backfill", pg -> {
            try (Database db = pg.fresh("bench_backfill")) {
                return CandleBackfillBenchmark.run(db, 100_000, 5);
            }
        });
        known.put("risk", pg -> RiskBench.run(pg, Integer.getInteger("bench.riskRuns", 20)));
        known.put("notify", pg -> NotifyBench.run(pg, Integer.getInteger("bench.notifyOrders", 2_000)));
        known.put("failover", pg -> FailoverBench.run(pg, Integer.getInteger("bench.failoverRounds", 3)));
        known.put("history", HistoryBench::run);
        known.put("backtest", pg -> BacktestBench.run(pg, Integer.getInteger("bench.backtestCandles", 525_600),
                Integer.getInteger("bench.sweepSets", 1000)));
        known.put("report", pg -> {
            try (Database db = pg.fresh("bench_report")) {
                return ReportBenchmark.run(db, 5);
            }
        });
        known.put("dashboard", pg -> {
            try (Database db = pg.fresh("bench_dashboard")) { // filled as the report part fills its journal
                return DashboardBench.run(db, 5);
            }
        });
        for (String part : parts) {
            if (!known.containsKey(part)) {
                System.err.println("unknown part '" + part + "'; parts: all, " + String.join(", ", known.keySet()));
                System.exit(2);
            }
        }
        Path logDir = Files.createTempDirectory("bot-bench-log");
        logToFile(logDir);
        System.out.println(Machine.describe());
        Map<String, List<Figure>> figures = new LinkedHashMap<>();
        long start = System.nanoTime();
        try (BenchDatabase pg = BenchDatabase.start()) {
            for (String part : parts) {
                System.out.printf("%n=== %s ===%n", part);
                long t0 = System.nanoTime();
                try {
                    List<Figure> result = known.get(part).run(pg);
                    result.forEach(f -> System.out.printf("%s: %s%n", f.name(), f.value()));
                    figures.put(part, result);
                } catch (Exception | AssertionError e) {
                    e.printStackTrace(System.out);
                    figures.put(part, List.of(new Figure("FAILED: " + e, "", "", false)));
                }
                System.out.printf("(%s took %d s)%n", part, (System.nanoTime() - t0) / 1_000_000_000);
            }
        }
        System.out.printf("%n=== summary (%d s in all; the bot's log: %s) ===%n%s", (System.nanoTime() - start) / 1_000_000_000,
                logDir, table(figures));
        System.out.println(Machine.describe());
    }

    /** The bot's JSON log at INFO into {@code dir}, as the daemon configures it. */
    private static void logToFile(Path dir) {
        Settings settings = SettingsLoader.load(dir, dir.resolve("bot.conf"), false,
                Map.of("BOT_LOG_DIR", dir.toString()), Map.of());
        LogSetup.configureDaemon(settings, null);
    }

    static String table(Map<String, List<Figure>> figures) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"part", "figure", "value", "target", "met"});
        figures.forEach((part, list) -> list.forEach(f -> rows.add(new String[] {part, f.name(), f.value(), f.target(),
                f.verdict()})));
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            out.append(String.format("%-" + widths[0] + "s  %-" + widths[1] + "s  %" + widths[2] + "s  %-" + widths[3]
                    + "s  %s%n", (Object[]) row));
            if (r == 0) {
                out.append("-".repeat(widths[0] + widths[1] + widths[2] + widths[3] + 12)).append('\n');
            }
        }
        return out.toString();
    }
}
