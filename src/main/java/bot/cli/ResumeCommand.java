package bot.cli;

import bot.app.RiskSetup;
import bot.store.Database;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code bot resume (--strategy NAME | --account NAME | --all)}: lifts halts and trips. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Lift the halts and trips of a scope (--all: of every scope); drawdowns count again from here.")
final class ResumeCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ScopeOptions.OrAll scope;

    @Override
    public Integer call() {
        try (Database db = root.openDatabase()) {
            root.environment().out().println(new RiskSetup(db.jdbi(), Clock.systemUTC())
                    .resume(scope.strategy, scope.account, scope.all));
        }
        return Cli.OK;
    }
}
