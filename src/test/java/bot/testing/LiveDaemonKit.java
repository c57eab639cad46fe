package bot.testing;

import bot.app.CandleArchiver;
import bot.app.Daemon;
import bot.app.Exchange;
import bot.app.LiveGateways;
import bot.app.RiskUpdates;
import bot.app.StrategyRetries;
import bot.config.Settings;
import bot.config.SettingsLoader;
import bot.domain.Candle;
import bot.engine.LookupBackoff;
import bot.engine.MarketFeed;
import bot.engine.RiskBook;
import bot.engine.StrategyRunner;
import bot.security.MasterKeySource;
import bot.store.Database;
import bot.store.CandleRepository;
import bot.store.EnabledStrategies;
import bot.store.JdbiJournal;
import bot.store.JdbiRiskJournal;
import bot.store.ChangeListener;
import bot.store.Changes;
import bot.strategy.StrategyRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The daemon as {@code bot start} wires it (real journal on PostgreSQL, {@link LiveGateways},
 * mode gateways, the default lookup backoff), with fakes only at the edges: recorded XRPETH candles
 * for the feed, XRPETH's rules, and the fake exchange on one adjustable clock, which every wait
 * (lookups, Retry-After, budget) advances instead of sleeping.
 */
public final class LiveDaemonKit implements AutoCloseable {
    public final LiveGatewayKit kit = new LiveGatewayKit();
    public final FakeBinanceExchange exchange = kit.exchange;
    public final Database db = TestDatabase.fresh();
    public final Jdbi jdbi = db.jdbi();
    private final Settings settings = SettingsLoader.load(Path.of("target", "no-bot-home"),
            Path.of("target", "no-bot-home", "bot.conf"), false, Map.of("BOT_BINANCE_REST_URL", exchange.baseUrl()),
            Map.of());

    /** A refused strategy waits for its retry until the daemon closes. */
    private static final StrategyRetries NO_RETRY_DURING_A_TEST = new StrategyRetries(Duration.ofMinutes(3),
            Duration.ofSeconds(10), Duration.ofMinutes(2), wait -> Thread.sleep(Duration.ofDays(1)));

    public Daemon daemon(ReplayFeed feed) {
        return daemon(feed, LiveSetup.masterKeys());
    }

    /** The live gateways as bot start makes them, on the kit's factory and clock. */
    public LiveGateways liveGateways(MasterKeySource keys) {
        return new LiveGateways(settings, keys, kit.factory);
    }

    public Daemon daemon(ReplayFeed feed, MasterKeySource keys) {
        return daemon(feed, feed.firstLiveClose(), keys);
    }

    /**
     * The daemon on any feed whose first live candle closes at {@code firstLiveClose}, with its risk
     * limits as bot start has them: read from the database before it starts (see {@link #listen} for
     * the changes made while it runs).
     */
    public Daemon daemon(MarketFeed feed, Optional<Instant> firstLiveClose, MasterKeySource keys) {
        // the engine's clock follows the replay: it reads the first live candle's close now, and moves
        // with every wait, so no replayed entry is stale unless the waits make it so
        Duration shift = firstLiveClose.map(close -> Duration.between(kit.clock.instant(), close))
                .orElse(Duration.ZERO);
        Clock engineClock = Clock.offset(kit.clock, shift);
        Exchange exchange = new Exchange(network -> feed, network -> Rules.source(Rules.xrpEth()),
                liveGateways(keys)::forAccount);
        Daemon daemon = new Daemon(new EnabledStrategies(jdbi), new JdbiJournal(jdbi),
                StrategyRegistry.load(LiveDaemonKit.class.getClassLoader()), exchange, engineClock, LookupBackoff.DEFAULT,
                kit.clock::advance, NO_RETRY_DURING_A_TEST, new CandleArchiver(new CandleRepository(jdbi)),
                new RiskBook(new JdbiRiskJournal(jdbi), engineClock));
        new RiskUpdates(jdbi, daemon.risk()).run();
        return daemon;
    }

    /** The daemon's listener for halts, resumes and limits set while it runs, started; close it first. */
    public ChangeListener listen(Daemon daemon) {
        ChangeListener changes = new ChangeListener(db.dataSource(), RiskUpdates.SAFETY_NET);
        changes.on(Changes.Topic.RISK, new RiskUpdates(jdbi, daemon.risk())).start();
        return changes;
    }

    /**
     * Starts the daemon on candles [from, to) (the strategies' warm-up before), waits until every
     * runner has handled them all, and stops it; returns how many strategies ran.
     */
    public int run(List<Candle> candles, int from, int to) {
        try (Daemon daemon = daemon(new ReplayFeed(Map.of("XRPETH", candles), from, to, () -> { }))) {
            daemon.start();
            if (!daemon.awaitFirstAttempts(Duration.ofMinutes(2))) {
                throw new AssertionError("the strategies did not start: " + daemon.phases());
            }
            int running = daemon.runners().size();
            for (StrategyRunner runner : daemon.runners()) {
                runner.stop();
                if (!runner.awaitStopped(Duration.ofMinutes(2))) {
                    throw new AssertionError("runner " + runner.identity().name() + " did not drain");
                }
            }
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        db.close();
        kit.close();
    }
}
