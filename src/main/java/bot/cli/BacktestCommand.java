package bot.cli;

import bot.app.Backtester;
import bot.app.InputException;
import bot.app.ParameterSweep;
import bot.backtest.SweepAxis;
import bot.backtest.SweepRank;
import bot.backtest.Gap;
import bot.json.Json;
import bot.report.Report;
import bot.report.ReportFormat;
import bot.store.CandleRepository;
import bot.store.Database;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bot backtest}: a strategy over the stored candles, through the daemon's own runner and paper fills. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Run a strategy over the stored candles, as bot start would in paper mode.",
            "The daemon's runner, order flow, exchange filters and paper fills; the run is stored and its KPIs",
            "printed as bot report computes them. Or sweep parameters, or compare with a strategy's journal.",
            "TIME is an ISO-8601 instant or a UTC date; --from is inclusive, --to exclusive (a date: its whole day)."})
final class BacktestCommand implements Callable<Integer> {

    enum Format { table, json, csv }

    @ParentCommand
    BotCommand root;

    @Option(names = "--strategy", paramLabel = "NAME", description = "A stored strategy (its kind, symbol, interval, parameters).")
    String strategy;

    @Option(names = "--kind", paramLabel = "KIND", description = "A strategy kind, with --symbol and --interval.")
    String kind;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "Symbol of the candles (with --kind).")
    String symbol;

    @Option(names = "--interval", paramLabel = "INTERVAL", description = "Interval of the candles (with --kind).")
    String interval;

    @Option(names = "--config", paramLabel = "JSON", description = "The kind's parameters as a JSON object.")
    String config;

    @Option(names = "--config-file", paramLabel = "FILE", description = "File holding the parameters as a JSON object.")
    Path configFile;

    @Option(names = "--from", paramLabel = "TIME", description = "First candle traded on (earlier ones warm the strategy up).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Trade on candles opened before TIME.")
    String to;

    @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--sweep", paramLabel = "NAME=VALUES",
            description = "Sweep a parameter (repeatable): a list 10,20,30 or a range 0.001..0.01:0.001. Every"
                    + " combination runs, in parallel, ranked by --rank.")
    List<String> sweep = new ArrayList<>();

    @Option(names = "--rank", paramLabel = "KPI",
            description = "The KPI a sweep ranks by (default: netProfit; also winRate, profitFactor,"
                    + " expectancy, expectancyRatio, sharpe, sortino, trades, maxDrawdown, maxDrawdownPct).")
    String rank;

    @Option(names = "--top", paramLabel = "N",
            description = "How many of a sweep's best combinations to print (default: 20).")
    Integer top;

    @Option(names = "--against-journal",
            description = "Replay the candles the daemon archived for --strategy and compare, candle by candle, the"
                    + " backtest's orders with the strategy's journal; exit 0 when they agree, 1 when not.")
    boolean againstJournal;

    @Option(names = "--since", paramLabel = "TIME",
            description = "With --against-journal: compare from this time on (earlier candles warm it up).")
    String since;

    @Option(names = "--keep", description = "Store every run of a sweep (by default a sweep stores nothing).")
    boolean keep;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (againstJournal || since != null) {
            return againstJournal();
        }
        Backtester.Request request = request();
        if (!sweep.isEmpty() || keep || rank != null || top != null) {
            return sweep(request);
        }
        Backtester.Outcome outcome;
        try (Database db = root.openDatabase(1 + CandleRepository.parallelReads())) {
            Backtester backtester = new Backtester(db.jdbi(), root.strategyRegistry(),
                    network -> root.symbolRules(network.testnet()));
            outcome = backtester.run(backtester.plan(request));
        }
        PrintWriter out = root.environment().out();
        write(outcome, format, out);
        out.flush();
        return Cli.OK;
    }

    private Integer sweep(Backtester.Request request) throws InterruptedException {
        if (sweep.isEmpty()) {
            throw new InputException((keep ? "--keep" : rank != null ? "--rank" : "--top") + ": only with --sweep");
        }
        int shown = top == null ? 20 : top;
        if (shown < 1) {
            throw new InputException("--top: must be at least 1, got " + shown);
        }
        SweepRank ranking;
        List<SweepAxis> axes = new ArrayList<>();
        try {
            ranking = SweepRank.parse(rank == null ? "netProfit" : rank);
        } catch (IllegalArgumentException e) {
            throw new InputException("--rank: " + e.getMessage());
        }
        for (String axis : sweep) {
            try {
                axes.add(SweepAxis.parse(axis));
            } catch (IllegalArgumentException e) {
                throw new InputException("--sweep: " + e.getMessage());
            }
        }
        List<ParameterSweep.Result> results;
        List<Gap> gaps;
        try (Database db = root.openDatabase(1 + CandleRepository.parallelReads())) {
            Backtester backtester = new Backtester(db.jdbi(), root.strategyRegistry(),
                    network -> root.symbolRules(network.testnet()));
            List<Map<String, String>> combos = ParameterSweep.combinations(axes);
            Backtester.Plan plan = backtester.plan(request, combos);
            results = ParameterSweep.run(backtester, plan, combos, ranking, keep,
                    Runtime.getRuntime().availableProcessors());
            gaps = plan.gaps();
        }
        SweepTable.write(results.subList(0, Math.min(shown, results.size())), results.size(), axes, ranking, keep,
                gaps, format, root.environment().out());
        return Cli.OK;
    }

    private Integer againstJournal() throws InterruptedException {
        if (!againstJournal) {
            throw new InputException("--since: only with --against-journal (--from bounds a backtest)");
        }
        if (strategy == null || kind != null || symbol != null || interval != null || config != null
                || configFile != null || from != null || to != null || !sweep.isEmpty() || keep || rank != null
                || top != null) {
            throw new InputException("--against-journal: compares a stored strategy: give --strategy NAME and at most"
                    + " --since TIME");
        }
        Instant start = since == null ? null : TimeArgument.parse("--since", since, false);
        Backtester.Check check;
        try (Database db = root.openDatabase(1 + CandleRepository.parallelReads())) {
            check = new Backtester(db.jdbi(), root.strategyRegistry(), network -> root.symbolRules(network.testnet()))
                    .againstJournal(strategy, start);
        }
        JournalCheckText.write(check, root.environment().out());
        return check.result().agrees() ? Cli.OK : Cli.FAILED;
    }

    private Backtester.Request request() {
        if (strategy != null && (kind != null || symbol != null || interval != null || config != null
                || configFile != null)) {
            throw new InputException("--strategy: give either --strategy NAME or --kind/--symbol/--interval/--config,"
                    + " not both");
        }
        if (strategy == null && kind == null) {
            throw new InputException("--strategy or --kind is needed");
        }
        if (config != null && configFile != null) {
            throw new InputException("--config-file: give either --config or --config-file, not both");
        }
        Instant start = from == null ? null : TimeArgument.parse("--from", from, false);
        Instant end = to == null ? null : TimeArgument.parse("--to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InputException("--to: " + to + " is not after --from " + from);
        }
        String json = configFile != null ? ConfigFile.read(configFile) : config;
        return new Backtester.Request(strategy, kind, symbol, interval, json,
                configFile != null ? "--config-file" : "--config", start, end);
    }


    /** The run's KPIs in the report's own formats, with the run id, its candles and their gaps. */
    static void write(Backtester.Outcome outcome, Format format, PrintWriter out) throws IOException {
        switch (format) {
            case json -> {
                StringWriter report = new StringWriter();
                ReportFormat.JSON.write(outcome.report(), report);
                ObjectNode parsed = (ObjectNode) Json.MAPPER.readTree(report.toString());
                ObjectNode root = Json.MAPPER.createObjectNode();
                root.put("run", outcome.runId());
                root.put("kind", outcome.run().kind());
                root.put("symbol", outcome.run().symbol());
                root.put("interval", outcome.run().interval());
                root.put("from", Instant.ofEpochMilli(outcome.run().fromOpenTime()).toString());
                root.put("to", Instant.ofEpochMilli(outcome.run().toOpenTime()).toString());
                root.put("candles", outcome.run().candles());
                ArrayNode gaps = root.putArray("gaps");
                for (Gap gap : outcome.run().gaps()) {
                    gaps.addObject().put("from", Instant.ofEpochMilli(gap.from()).toString())
                            .put("to", Instant.ofEpochMilli(gap.to()).toString()).put("missing", gap.missing());
                }
                ArrayNode trips = root.putArray("trips");
                outcome.trips().forEach(trips::add);
                ObjectNode refused = root.putObject("refused");
                outcome.refused().forEach(refused::put);
                root.set("strategies", parsed.get("strategies"));
                root.set("total", parsed.get("total"));
                out.println(Json.PRETTY.writeValueAsString(root));
            }
            case csv -> {
                StringWriter report = new StringWriter();
                ReportFormat.CSV.write(outcome.report(), report);
                List<String> lines = report.toString().lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    out.println((i == 0 ? "run" : Long.toString(outcome.runId())) + "," + lines.get(i));
                }
            }
            case table -> {
                out.println(summary(outcome));
                for (Gap gap : outcome.run().gaps()) {
                    out.println(gapLine(gap));
                }
                for (String trip : outcome.trips()) {
                    out.println("limit: " + trip);
                }
                if (!outcome.refused().isEmpty()) {
                    out.println("refused: " + outcome.refused().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "))
                            + " (orders the pre-trade checks denied: exchange filters or risk limits)");
                }
                Report report = outcome.report();
                ReportFormat.TABLE.write(report, out);
            }
        }
        out.flush();
    }

    static String gapLine(Gap gap) {
        return "gap: " + String.format("%,d", gap.missing()) + (gap.missing() == 1 ? " candle" : " candles")
                + " missing, "
                + Instant.ofEpochMilli(gap.from()) + " .. " + Instant.ofEpochMilli(gap.to());
    }

    private static String summary(Backtester.Outcome outcome) {
        var run = outcome.run();
        long missing = run.gaps().stream().mapToLong(Gap::missing).sum();
        return "run " + outcome.runId() + ": " + (run.strategy() != null ? run.strategy() + " (" + run.kind() + ")"
                : run.kind()) + " on " + run.symbol() + " " + run.interval() + " " + run.network() + ", "
                + String.format("%,d", run.candles()) + " candles " + Instant.ofEpochMilli(run.fromOpenTime()) + " .. "
                + Instant.ofEpochMilli(run.toOpenTime()) + " after " + run.warmupCandles() + " of warm-up; "
                + (run.gaps().isEmpty() ? "no gaps" : run.gaps().size() + (run.gaps().size() == 1 ? " gap, " : " gaps, ")
                + String.format("%,d", missing) + (missing == 1 ? " candle" : " candles") + " missing");
    }
}
