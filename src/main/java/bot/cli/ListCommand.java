package bot.cli;

import bot.store.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Placeholder until issue 3 fills it in: for now it only proves the database is reachable. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts or strategies.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @Override
    public Integer call() {
        try (Database db = root.openDatabase()) {
            int accounts = db.jdbi().withHandle(h -> h.createQuery("select count(*) from accounts").mapTo(Integer.class).one());
            int strategies = db.jdbi().withHandle(h -> h.createQuery("select count(*) from strategies").mapTo(Integer.class).one());
            root.environment().out().println(accounts + " accounts, " + strategies + " strategies");
        }
        return Cli.OK;
    }
}
