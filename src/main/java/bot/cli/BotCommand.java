package bot.cli;

import bot.app.ExchangeRules;
import bot.app.LogSetup;
import bot.app.MasterKeys;
import bot.app.PluginKinds;
import bot.config.Settings;
import bot.config.SettingsLoader;
import bot.engine.SymbolRulesSource;
import bot.security.MasterKeySource;
import bot.store.Database;
import bot.strategy.StrategyRegistry;
import ch.qos.logback.classic.Level;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root command: global options, and what every subcommand needs (settings, logging, database). */
@Command(name = "bot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Headless trading daemon for Binance Spot.",
        subcommands = {
            AddAccountCommand.class,
            AddStrategyCommand.class,
            ListCommand.class,
            EnableCommand.class,
            DisableCommand.class,
            StartCommand.class,
            DoctorCommand.class,
            OrdersCommand.class,
            ReportCommand.class,
            LimitsCommand.class,
            HaltCommand.class,
            ResumeCommand.class,
            StatusCommand.class,
            DownloadCommand.class,
            ImportCommand.class,
            CandlesCommand.class,
            BacktestCommand.class
        })
public final class BotCommand implements Runnable {
    private final CliEnvironment environment;
    private Settings settings;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: $BOT_HOME/conf/bot.conf).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one setting for this run (wins over the file and the environment; not for secrets).")
    Map<String, String> overrides = new LinkedHashMap<>();

    BotCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(environment.err());
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public CliEnvironment environment() {
        return environment;
    }

    /**
     * The settings of the daemon, loaded once; the first call also sets up its logging: bot.json,
     * rotated, and INFO on a terminal.
     */
    public Settings daemonSettings() {
        return settings(true, Level.INFO);
    }

    /**
     * The settings, loaded once; the first call also sets up a command's logging (commands.json,
     * never the daemon's bot.json), showing {@code consoleLevel} and above on a terminal.
     */
    public Settings settings(Level consoleLevel) {
        return settings(false, consoleLevel);
    }

    private Settings settings(boolean daemon, Level consoleLevel) {
        if (settings == null) {
            Path file = config != null ? config : environment.home().resolve("conf").resolve("bot.conf");
            settings = SettingsLoader.load(environment.home(), file, config != null, environment.variables(),
                    overrides);
            if (daemon) {
                LogSetup.configureDaemon(settings, consoleLevel);
            } else {
                LogSetup.configure(settings, consoleLevel);
            }
        }
        return settings;
    }

    /** Settings for a command whose output is its result: only warnings reach the terminal. */
    public Settings settings() {
        return settings(Level.WARN);
    }

    public Database openDatabase() {
        return Database.open(settings());
    }

    /** The database, with {@code idleConnections} opened in the background from the start. */
    public Database openDatabase(int idleConnections) {
        return Database.open(settings(), idleConnections);
    }

    /** The master key's source: BOT_MASTER_KEY, BOT_MASTER_KEY_FILE, systemd's credential, else var/secret/master.key. */
    public MasterKeySource masterKeySource() {
        return MasterKeys.source(settings(), environment.variables());
    }

    /** The exchange's symbol rules for a production or testnet account (BOT_BINANCE_REST_URL points tests elsewhere). */
    public SymbolRulesSource symbolRules(boolean testnet) {
        return ExchangeRules.forCommand(settings(), testnet);
    }

    /** A symbol's last price on the exchange of a production or testnet account. */
    public Function<String, BigDecimal> lastPrices(boolean testnet) {
        return ExchangeRules.pricesForCommand(settings(), testnet);
    }

    /** The strategy kinds this process knows: the built-in ones and those of $BOT_HOME/plugins. */
    public StrategyRegistry strategyRegistry() {
        return PluginKinds.load(settings().pluginsDir());
    }
}
