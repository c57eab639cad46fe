package bot.cli;

import bot.app.StrategySetup;
import bot.store.AccountRepository;
import bot.store.Database;
import bot.store.StrategyRepository;

/** What {@code bot enable} and {@code bot disable} share: flip the flag, say what happened. */
final class StrategyToggle {

    private StrategyToggle() {
    }

    static int run(BotCommand root, String name, boolean enabled) {
        try (Database db = root.openDatabase()) {
            StrategySetup setup = new StrategySetup(new AccountRepository(db.jdbi()), new StrategyRepository(db.jdbi()),
                    root.strategyRegistry(), root::symbolRules);
            boolean changed = setup.setEnabled(name, enabled);
            String state = enabled ? "enabled" : "disabled";
            root.environment().out().println(changed ? "Strategy " + name + " " + state + "."
                    : "Strategy " + name + " was already " + state + ".");
        }
        return Cli.OK;
    }
}
