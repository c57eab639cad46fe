package bot.app;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Interval;
import bot.domain.Network;
import bot.engine.Journal;
import bot.engine.LookupBackoff;
import bot.engine.MarketFeed;
import bot.engine.OrderFlow;
import bot.engine.OrderGateway;
import bot.engine.Sleeper;
import bot.engine.StrategyIdentity;
import bot.engine.StrategyRunner;
import bot.engine.SymbolRulesSource;
import bot.store.CandleRepository;
import bot.store.EnabledStrategies;
import bot.store.JdbiJournal;
import bot.strategy.Strategy;
import bot.strategy.StrategyKind;
import bot.strategy.StrategyParameters;
import bot.strategy.StrategyRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: one runner per enabled strategy, subscribed to the market feed of its network.
 * A strategy that cannot start (unknown kind, bad parameters, no gateway) or whose state cannot be
 * reconciled with the exchange is refused with a log line; the others run. {@link #close()} stops it cleanly: feeds closed first (no more candles),
 * then every runner drains its queue and settles its in-flight order.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);
    /** How long runners get to drain before their waits are cut short. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final EnabledStrategies strategies;
    private final Journal journal;
    private final StrategyRegistry registry;
    private final DaemonAdapters adapters;
    private final GatewayFactory gateways;
    private final LookupBackoff backoff;
    private final Sleeper sleeper;
    private final CandleArchiver archiver;
    private final InstantSource clock;
    private final Set<String> archivedStreams = new HashSet<>();
    private final Map<Boolean, MarketFeed> feeds = new LinkedHashMap<>();
    private final Map<Boolean, SymbolRulesSource> rules = new LinkedHashMap<>();
    private final List<StrategyRunner> runners = new ArrayList<>();
    private boolean closed;

    public Daemon(EnabledStrategies strategies, Journal journal, StrategyRegistry registry, DaemonAdapters adapters,
                  GatewayFactory gateways, LookupBackoff backoff, Sleeper sleeper, CandleArchiver archiver,
                  InstantSource clock) {
        this.strategies = strategies;
        this.journal = journal;
        this.registry = registry;
        this.adapters = adapters;
        this.gateways = gateways;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.archiver = archiver;
        this.clock = clock;
    }

    /** The daemon as {@code bot start} runs it: the journal and strategies in {@code jdbi}, real waits between lookups. */
    public static Daemon create(Jdbi jdbi, StrategyRegistry registry, DaemonAdapters adapters, Clock clock) {
        return new Daemon(new EnabledStrategies(jdbi), new JdbiJournal(jdbi), registry, adapters,
                new ModeGateways(clock, adapters.liveGateways()), LookupBackoff.DEFAULT, Sleeper.SYSTEM,
                new CandleArchiver(new CandleRepository(jdbi)), clock);
    }

    /**
     * Loads the enabled strategies and reconciles every one of them with the journal and the
     * exchange (all at once, each on its own thread) before any of them runs; then starts the
     * runners of those that reconciled, and the feeds. Returns how many run: a strategy whose state
     * cannot be reconciled is refused (HALTED, with the reason logged) and the others go on.
     */
    public synchronized int start() {
        List<Prepared> prepared = new ArrayList<>();
        for (EnabledStrategies.Definition definition : strategies.load()) {
            prepare(definition).ifPresent(prepared::add);
        }
        List<Boolean> reconciled = reconcile(prepared.stream().map(Prepared::runner).toList());
        int running = 0;
        for (int i = 0; i < prepared.size(); i++) {
            StrategyRunner runner = prepared.get(i).runner();
            runners.add(runner);
            if (reconciled.get(i)) {
                StrategyIdentity identity = runner.identity();
                boolean testnet = prepared.get(i).testnet();
                MarketFeed feed = feeds.computeIfAbsent(testnet, adapters.feeds()::open);
                feed.subscribe(identity.symbol(), identity.interval(), runner.warmupCandles(), runner);
                if (archivedStreams.add(testnet + "/" + identity.symbol() + "@" + identity.interval().code())) {
                    feed.subscribe(identity.symbol(), identity.interval(), runner.warmupCandles(),
                            archiver.listener(Network.of(testnet)));
                }
                runner.start();
                running++;
            }
        }
        if (running == 0) {
            log.warn("no strategy to run: add one with bot add-strategy (or enable one), then restart");
        }
        for (MarketFeed feed : feeds.values()) {
            feed.start();
        }
        log.info("daemon started", kv("strategies", running), kv("refused", prepared.size() - running));
        return running;
    }

    /** A runner made for a strategy, not started yet, and the network its candles come from. */
    private record Prepared(StrategyRunner runner, boolean testnet) {
    }

    private static List<Boolean> reconcile(List<StrategyRunner> toReconcile) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = toReconcile.stream().map(r -> threads.submit(r::reconcile)).toList();
            List<Boolean> reconciled = new ArrayList<>();
            for (Future<Boolean> result : results) {
                reconciled.add(result.get());
            }
            return reconciled;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reconciling the strategies", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reconciling a strategy failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private Optional<Prepared> prepare(EnabledStrategies.Definition definition) {
        try {
            StrategyKind kind = registry.require(definition.kind());
            StrategyParameters parameters = kind.validate(definition.parameters());
            Interval interval = definition.parsedInterval();
            SymbolRulesSource symbolRules = rules.computeIfAbsent(definition.testnet(), adapters.symbolRules()::open);
            OrderGateway gateway = gateways.create(definition, parameters, symbolRules);
            Strategy strategy = kind.create(parameters);
            StrategyIdentity identity = new StrategyIdentity(definition.id(), definition.name(), definition.mode(),
                    definition.symbol(), interval);
            OrderFlow flow = new OrderFlow(identity, gateway, journal, symbolRules, backoff, sleeper, clock);
            log.info("strategy ready", kv("strategy", definition.name()), kv("kind", definition.kind()),
                    kv("symbol", definition.symbol()), kv("interval", interval.code()), kv("mode", definition.mode().code()));
            return Optional.of(new Prepared(new StrategyRunner(identity, strategy, parameters, flow), definition.testnet()));
        } catch (GatewayUnavailableException | IllegalArgumentException e) {
            log.error("strategy refused: {}", e.getMessage(), kv("strategy", definition.name()));
            return Optional.empty();
        }
    }

    public synchronized List<StrategyRunner> runners() {
        return List.copyOf(runners);
    }

    /** Stops within seconds: feeds closed, runners drained, their in-flight orders settled or left for the next start. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (MarketFeed feed : feeds.values()) {
            try {
                feed.close();
            } catch (RuntimeException e) {
                log.warn("market feed did not close cleanly: {}", e.getMessage());
            }
        }
        runners.forEach(StrategyRunner::stop);
        try {
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            for (StrategyRunner runner : runners) {
                Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
                if (!runner.awaitStopped(left)) {
                    log.warn("runner still busy after the drain timeout; cutting its wait short",
                            kv("strategy", runner.identity().name()));
                    runner.interrupt();
                    runner.awaitStopped(Duration.ofSeconds(2));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        archiver.close();
        log.info("daemon stopped");
    }
}
