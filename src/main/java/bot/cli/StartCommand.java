package bot.cli;

import bot.app.Daemon;
import bot.app.DaemonObserver;
import bot.app.Exchange;
import bot.app.MetricsObserver;
import bot.app.Monitoring;
import bot.app.PluginKinds;
import bot.app.RiskUpdates;
import bot.app.ShutdownSignal;
import bot.config.Settings;
import bot.json.Json;
import bot.store.ChangeListener;
import bot.store.Changes;
import bot.store.Database;
import bot.store.DemoSetup;
import bot.web.HttpBinding;
import bot.web.StrategyStates;
import bot.web.WebServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bot start [--demo]}: runs the daemon in the foreground until SIGTERM or SIGINT, then exits 0. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Run the enabled strategies in the foreground (shared with the other instances on the same"
                + " database) until SIGTERM or SIGINT, then stop cleanly.")
final class StartCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @Option(names = "--demo", description = "First make sure a key-less account 'demo' and a paper strategy "
            + "'demo-btcusdt' (mean_reversion, BTCUSDT, 1m, order_value 100) exist; the other enabled "
            + "strategies run too.")
    boolean demo;

    /** The market feeds, exchange rules and live gateways; a test puts fakes here. */
    Function<Settings, Exchange> exchange = Exchange::binance;

    /** The daemon's clock; a test replaying recorded candles puts one here that follows them. */
    Clock clock = Clock.systemUTC();

    /** Told of the HTTP server once it listens; a test learns its port here. */
    Consumer<WebServer> webStarted = web -> { };

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = root.daemonSettings();
        // a bad address (or one open to the network without a token) is refused before anything is written
        Optional<HttpBinding> binding = HttpBinding.of(settings);
        ShutdownSignal signal = ShutdownSignal.install();
        try (Database db = root.openDatabase()) {
            if (demo && new DemoSetup(db.jdbi()).ensure(demoParameters())) {
                LoggerFactory.getLogger(StartCommand.class).info("created the demo account and the paper strategy {}",
                        DemoSetup.STRATEGY);
            }
            // Monitoring reads through pools of its own: a slow dashboard query never holds up a journal write
            // or a lease renewal.
            WebServer web = binding.isPresent() ? new WebServer(db.sidePool("bot-web", 6), clock) : null;
            DaemonObserver observer = web == null ? DaemonObserver.NONE : new MetricsObserver(web.monitor(), clock);
            // Monitoring outlives the daemon: its last status and stop notice go out after the daemon stopped.
            try (Monitoring monitoring = Monitoring.open(settings, db.sidePool("bot-status", 2), root.environment().variables());
                 Daemon daemon = Daemon.shared(db, root.strategyRegistry(), exchange.apply(settings), clock,
                         settings.leaseTtl(), monitoring.notifier(), observer);
                 WebServer served = web) {
                // A strategy that cannot start yet is retried by the daemon; with none to run (none enabled,
                // or all run by other instances) it waits as a standby: changes reach it without a restart.
                if (daemon.start() == 0) {
                    root.environment().err().println("bot start: no strategy to run here yet (none enabled, or all"
                            + " run by other instances): waiting as a standby");
                }
                monitoring.watch(daemon, clock);
                if (web != null) {
                    listen(web, binding.get(), daemon);
                }
                signal.await();
                monitoring.stopping();
            }
        } finally {
            signal.finished();
        }
        return Cli.OK;
    }

    /**
     * Starts the HTTP server on the daemon's strategies. When it cannot listen (the port taken, say by
     * another instance on this host) that is said in one line and the daemon trades on without it:
     * monitoring never stops trading.
     */
    private void listen(WebServer web, HttpBinding binding, Daemon daemon) {
        try {
            web.start(binding, new StrategyStates() {
                @Override
                public Map<String, String> phases() {
                    return daemon.phases();
                }

                @Override
                public Map<String, String> runnerStates() {
                    return daemon.runnerStates();
                }
            });
        } catch (IOException e) {
            String line = "cannot listen on BOT_HTTP_ADDRESS " + binding.address().getHostString() + ":"
                    + binding.address().getPort() + ": " + e.getMessage()
                    + "; trading goes on without the HTTP server (give each instance on a host its own address)";
            root.environment().err().println("bot start: " + line);
            LoggerFactory.getLogger(StartCommand.class).warn(line);
            return;
        }
        webStarted.accept(web);
    }

    /** The demo strategy's parameters, checked and with the defaults filled in, as add-strategy stores them. */
    private String demoParameters() {
        Map<String, String> stored = new TreeMap<>();
        root.strategyRegistry().require("mean_reversion").validate(Map.of("order_value", "100")).asMap()
                .forEach((name, value) -> stored.put(name, value.toPlainString()));
        try {
            return Json.MAPPER.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
