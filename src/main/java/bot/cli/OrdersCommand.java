package bot.cli;

import bot.app.InputException;
import bot.store.Database;
import bot.store.OrderHistory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bot orders [--strategy NAME] [--since TIME] [--format table|json|csv]}: the order journal, oldest first. */
@Command(name = "orders", mixinStandardHelpOptions = true, description = "List orders, oldest first.")
final class OrdersCommand implements Callable<Integer> {

    enum Format { table, json, csv }

    @ParentCommand
    BotCommand root;

    @Option(names = "--strategy", paramLabel = "NAME", description = "Only this strategy's orders.")
    String strategy;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only orders placed at or after TIME: an ISO-8601 instant (2024-05-01T12:00:00Z) or a date (2024-05-01, UTC).")
    String since;

    @Option(names = "--run", paramLabel = "ID", description = "The orders of a stored backtest run instead of the journal's.")
    Long run;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        Optional<Instant> from = Optional.ofNullable(since).map(text -> TimeArgument.parse("--since", text, false));
        List<OrderHistory.Row> rows;
        try (Database db = root.openDatabase()) {
            OrderHistory history = new OrderHistory(db.jdbi());
            if (run != null) {
                if (strategy != null || since != null) {
                    throw new InputException("--run: shows a whole backtest run; --strategy and --since do not apply");
                }
                if (!history.runExists(run)) {
                    throw new InputException("--run: no backtest run " + run);
                }
                OrderRowsWriter.write(history.listRun(run), format, root.environment().out());
                return Cli.OK;
            }
            if (strategy != null && !history.strategyExists(strategy)) {
                throw new InputException("--strategy: no strategy named '" + strategy + "'");
            }
            rows = history.list(Optional.ofNullable(strategy), from);
        }
        OrderRowsWriter.write(rows, format, root.environment().out());
        return Cli.OK;
    }
}
