package bot.cli;

import bot.app.InputException;
import bot.app.NewStrategyRequest;
import bot.app.StrategySetup;
import bot.store.AccountRepository;
import bot.store.Database;
import bot.store.StoredStrategy;
import bot.store.StrategyRepository;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bot add-strategy}: checks a strategy in full, then stores it. */
@Command(name = "add-strategy", mixinStandardHelpOptions = true,
        description = {"Add a strategy. Its parameters are checked against the kind; the symbol is checked on the"
            + " exchange when it answers (when it does not, a warning is printed and the strategy is added), and so is"
            + " order_value: its position must still be sellable after falling to its stop (stop_loss, or 10%%)."})
final class AddStrategyCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Strategy name: 1-64 letters, digits, '_' or '-'.")
    String name;

    @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "The account it trades with.")
    String account;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "mean_reversion, breakout, rsi, or a plugin's kind.")
    String kind;

    @Option(names = "--symbol", required = true, paramLabel = "SYMBOL", description = "Binance symbol, e.g. BTCUSDT.")
    String symbol;

    @Option(names = "--interval", required = true, paramLabel = "INTERVAL",
            description = "Candle interval: 1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M.")
    String interval;

    @Option(names = "--mode", paramLabel = "paper|live", defaultValue = "paper",
            description = "paper (simulated fills, the default) or live (needs an account with keys).")
    String mode;

    @Option(names = "--config", paramLabel = "JSON", description = "Parameters as a JSON object, e.g. '{\"order_value\": \"100\"}'.")
    String config;

    @Option(names = "--config-file", paramLabel = "FILE", description = "File holding the parameters as a JSON object.")
    Path configFile;

    @Option(names = "--disabled", description = "Add it disabled ('bot enable NAME' turns it on).")
    boolean disabled;

    @Override
    public Integer call() {
        if (config != null && configFile != null) {
            throw new InputException("--config-file: give either --config or --config-file, not both");
        }
        String json = configFile != null ? ConfigFile.read(configFile) : config;
        String field = configFile != null ? "--config-file" : "--config";
        NewStrategyRequest request = new NewStrategyRequest(name, account, kind, symbol, interval, mode, json, field,
                !disabled);
        try (Database db = root.openDatabase()) {
            StrategySetup setup = new StrategySetup(new AccountRepository(db.jdbi()), new StrategyRepository(db.jdbi()),
                    root.strategyRegistry(), root::symbolRules, root::lastPrices);
            StrategySetup.Added added = setup.add(request);
            added.warnings().forEach(w -> root.environment().err().println("bot add-strategy: warning: " + w));
            StoredStrategy s = added.strategy();
            root.environment().out().println("Added strategy " + s.name() + " (" + s.kind() + " on " + s.symbol() + " "
                    + s.interval().code() + ", " + s.mode().code() + ", account " + s.account() + ", "
                    + (s.enabled() ? "enabled" : "disabled") + ").");
        }
        return Cli.OK;
    }

}
