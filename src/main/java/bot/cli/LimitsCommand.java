package bot.cli;

import bot.app.InputException;
import bot.app.RiskSetup;
import bot.json.Json;
import bot.store.Database;
import bot.store.RiskRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bot limits set|list|clear}: risk limits on a strategy or an account. */
@Command(name = "limits", mixinStandardHelpOptions = true,
        description = "Set, list and clear risk limits on a strategy or an account.",
        subcommands = {LimitsCommand.Set.class, LimitsCommand.ListLimits.class, LimitsCommand.Clear.class})
final class LimitsCommand implements Runnable {
    @ParentCommand
    BotCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: set, list or clear");
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set limits: max_drawdown=0.1|50USDT daily_loss=0.05|20USDT max_losses_in_row=3 cooldown=30m"
                    + " max_open_positions=2 max_exposure=500 on_trip=halt|flatten (the last two on an account).")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        LimitsCommand parent;

        @ArgGroup(exclusive = true, multiplicity = "1")
        ScopeOptions scope;

        @Parameters(arity = "1..*", paramLabel = "KEY=VALUE", description = "The limits to set.")
        List<String> pairs;

        @Override
        public Integer call() {
            BotCommand root = parent.root;
            try (Database db = root.openDatabase()) {
                root.environment().out().println(new RiskSetup(db.jdbi(), Clock.systemUTC())
                        .set(scope.strategy, scope.account, pairs));
            }
            return Cli.OK;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Clear the limits named (all of the scope's when none is).")
    static final class Clear implements Callable<Integer> {
        @ParentCommand
        LimitsCommand parent;

        @ArgGroup(exclusive = true, multiplicity = "1")
        ScopeOptions scope;

        @Parameters(arity = "0..*", paramLabel = "KEY", description = "The limits to clear.")
        List<String> keys = new ArrayList<>();

        @Override
        public Integer call() {
            BotCommand root = parent.root;
            try (Database db = root.openDatabase()) {
                root.environment().out().println(new RiskSetup(db.jdbi(), Clock.systemUTC())
                        .clear(scope.strategy, scope.account, keys));
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every limit.")
    static final class ListLimits implements Callable<Integer> {
        @ParentCommand
        LimitsCommand parent;

        @Option(names = "--format", paramLabel = "table|json", defaultValue = "table", description = "table (default) or json.")
        String format;

        @Override
        public Integer call() throws JsonProcessingException {
            if (!format.equals("table") && !format.equals("json")) {
                throw new InputException("--format: must be table or json, got '" + format + "'");
            }
            BotCommand root = parent.root;
            List<RiskRepository.StoredLimit> limits;
            try (Database db = root.openDatabase()) {
                limits = new RiskSetup(db.jdbi(), Clock.systemUTC()).limits();
            }
            PrintWriter out = root.environment().out();
            if (format.equals("json")) {
                List<Map<String, Object>> rows = limits.stream().map(l -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("scope", l.scopeKind());
                    m.put("name", l.scopeName());
                    m.put("key", l.key());
                    m.put("value", l.value());
                    m.put("updatedAt", l.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
                    return m;
                }).toList();
                out.println(Json.PRETTY.writeValueAsString(rows));
                return Cli.OK;
            }
            if (limits.isEmpty()) {
                out.println("(no limits; set one with 'bot limits set --strategy NAME max_drawdown=0.1')");
                return Cli.OK;
            }
            TextTable table = new TextTable("SCOPE", "NAME", "KEY", "VALUE", "UPDATED");
            limits.forEach(l -> table.row(l.scopeKind(), l.scopeName(), l.key(), l.value(),
                    l.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString()));
            table.print(out);
            return Cli.OK;
        }
    }
}
