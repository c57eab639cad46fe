package bot.cli;

import bot.app.RiskSetup;
import bot.store.Database;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bot halt (--strategy NAME | --account NAME | --all) [--flatten] [--reason TEXT]}: the kill switch. */
@Command(name = "halt", mixinStandardHelpOptions = true,
        description = "Stop entries (exits go on) until 'bot resume'; a running daemon obeys within a second.")
final class HaltCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ScopeOptions.OrAll scope;

    @Option(names = "--flatten", description = "Also sell every open position of the scope at once.")
    boolean flatten;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (shown by bot list and in the journal).")
    String reason;

    @Override
    public Integer call() {
        try (Database db = root.openDatabase()) {
            root.environment().out().println(new RiskSetup(db.jdbi(), Clock.systemUTC())
                    .halt(scope.strategy, scope.account, scope.all, reason, flatten));
        }
        return Cli.OK;
    }
}
