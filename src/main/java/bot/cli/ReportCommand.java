package bot.cli;

import bot.app.InputException;
import bot.app.JournalReporter;
import bot.domain.Mode;
import bot.report.Report;
import bot.report.ReportFormat;
import bot.store.Database;
import bot.store.RiskRepository;
import bot.store.JournalFilter;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bot report}: the KPIs of the journal per strategy (and mode) and in total. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Print the KPIs of the journal per strategy and in total.",
            "Round trips count by close time, fees by order time; TIME is an ISO-8601 instant",
            "(2024-05-01T12:00:00Z) or a UTC date (2024-05-01; for --until the whole day is included)."})
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @Option(names = "--strategy", paramLabel = "NAME", description = "Only this strategy.")
    String strategy;

    @Option(names = "--account", paramLabel = "NAME", description = "Only the strategies of this account.")
    String account;

    @Option(names = "--mode", paramLabel = "paper|live", description = "Only paper or only live trading.")
    String mode;

    @Option(names = "--since", paramLabel = "TIME", description = "From this time on (inclusive).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Up to this time (exclusive).")
    String until;

    @Option(names = "--run", paramLabel = "ID", description = "The KPIs of a stored backtest run instead of the journal's.")
    Long run;

    @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Override
    public Integer call() throws IOException {
        if (run != null) {
            return runReport();
        }
        JournalFilter filter = filter();
        Report report;
        try (Database db = root.openDatabase()) {
            report = new JournalReporter(db.jdbi()).report(filter)
                    .withDeniedEntries(new RiskRepository(db.jdbi()).denials(filter));
        }
        PrintWriter out = root.environment().out();
        format.write(report, out);
        out.flush();
        return Cli.OK;
    }

    private JournalFilter filter() {
        Instant from = since == null ? null : TimeArgument.parse("--since", since, false);
        Instant to = until == null ? null : TimeArgument.parse("--until", until, true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InputException("--until: " + to + " is not after --since " + from);
        }
        return new JournalFilter(blankToNull("--strategy", strategy), blankToNull("--account", account), mode(),
                from, to);
    }

    private Mode mode() {
        if (mode == null) {
            return null;
        }
        try {
            return Mode.parse(mode.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("--mode: expected paper or live, got '" + mode + "'");
        }
    }

    private static String blankToNull(String option, String value) {
        if (value != null && value.isBlank()) {
            throw new InputException(option + ": must not be empty");
        }
        return value;
    }

    /** A backtest run's KPIs, exactly as {@code bot backtest} printed them. */
    private Integer runReport() throws IOException {
        if (strategy != null || account != null || mode != null || since != null || until != null) {
            throw new InputException("--run: shows a whole backtest run; --strategy, --account, --mode, --since and"
                    + " --until do not apply");
        }
        bot.app.Backtester.Outcome outcome;
        try (Database db = root.openDatabase()) {
            outcome = new bot.app.Backtester(db.jdbi(), root.strategyRegistry(), network -> symbol -> {
                throw new IllegalStateException("a stored run needs no exchange");
            }).stored(run);
        }
        BacktestCommand.write(outcome, switch (format) {
            case TABLE -> BacktestCommand.Format.table;
            case JSON -> BacktestCommand.Format.json;
            case CSV -> BacktestCommand.Format.csv;
        }, root.environment().out());
        return Cli.OK;
    }
}
