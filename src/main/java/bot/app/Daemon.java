package bot.app;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Network;
import bot.engine.Journal;
import bot.engine.LookupBackoff;
import bot.engine.MarketFeed;
import bot.engine.Sleeper;
import bot.engine.StrategyRunner;
import bot.engine.Subscription;
import bot.engine.SymbolRulesSource;
import bot.store.CandleRepository;
import bot.store.EnabledStrategies;
import bot.store.JdbiJournal;
import bot.strategy.StrategyRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: a supervisor per enabled strategy brings it up (prepare, reconcile, subscribe,
 * run) on its own, so that a strategy that cannot start (an unknown symbol, a failing plugin, the
 * exchange unreachable) is refused alone, tried again later, and never holds up the others.
 * Feeds and symbol rules are one per {@link Network}. {@link #close()} stops it cleanly: supervisors
 * first (strategies waiting for a retry give up), feeds closed (no more candles), then every runner
 * drains its queue and settles its in-flight order.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);
    /** How long runners get to drain before their waits are cut short. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final EnabledStrategies strategies;
    private final Exchange exchange;
    private final StrategyRetries retries;
    private final CandleArchiver archiver;
    private final RunnerAssembly assembly;
    private final DaemonObserver observer;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private final Map<Network, MarketFeed> feeds = new EnumMap<>(Network.class);
    private final Map<Network, SymbolRulesSource> rules = new EnumMap<>(Network.class);
    private final Set<String> archivedStreams = new HashSet<>();
    private final List<StrategyRunner> runners = new ArrayList<>();
    private final List<StrategySupervisor> supervisors = new ArrayList<>();
    private boolean closing;
    private volatile CountDownLatch firstOutcomes = new CountDownLatch(0);

    public Daemon(EnabledStrategies strategies, Journal journal, StrategyRegistry registry, Exchange exchange,
                  Clock clock, LookupBackoff lookups, Sleeper lookupSleeper, StrategyRetries retries,
                  CandleArchiver archiver) {
        this(strategies, journal, registry, exchange, clock, lookups, lookupSleeper, retries, archiver,
                DaemonObserver.NONE);
    }

    /** With {@code observer} attached to every strategy's gateway and order flow and to every stream. */
    public Daemon(EnabledStrategies strategies, Journal journal, StrategyRegistry registry, Exchange exchange,
                  Clock clock, LookupBackoff lookups, Sleeper lookupSleeper, StrategyRetries retries,
                  CandleArchiver archiver, DaemonObserver observer) {
        this.strategies = strategies;
        this.exchange = exchange;
        this.retries = retries;
        this.archiver = archiver;
        this.observer = observer;
        this.assembly = new RunnerAssembly(registry, journal, this::rules, exchange, clock, lookups, lookupSleeper,
                observer);
    }

    /** The daemon as {@code bot start} runs it: the journal and strategies in {@code jdbi}, real waits. */
    public static Daemon create(Jdbi jdbi, StrategyRegistry registry, Exchange exchange, Clock clock) {
        return create(jdbi, registry, exchange, clock, DaemonObserver.NONE);
    }

    /** As {@link #create(Jdbi, StrategyRegistry, Exchange, Clock)}, watched by {@code observer}. */
    public static Daemon create(Jdbi jdbi, StrategyRegistry registry, Exchange exchange, Clock clock,
                                DaemonObserver observer) {
        return new Daemon(new EnabledStrategies(jdbi), new JdbiJournal(jdbi), registry, exchange, clock,
                LookupBackoff.DEFAULT, Thread::sleep, StrategyRetries.standard(),
                new CandleArchiver(new CandleRepository(jdbi)), observer);
    }

    /**
     * Loads the enabled strategies and starts a supervisor for each; returns at once with how many
     * there are (0: nothing to do). Whether each runs or waits for a retry shows in the log, in
     * {@link #runners()} and {@link #phases()}.
     */
    public int start() {
        List<EnabledStrategies.Definition> definitions = strategies.load();
        StrategySupervisor.Host host = new Host();
        lock.lock();
        try {
            if (closing) {
                throw new IllegalStateException("daemon closed");
            }
            firstOutcomes = new CountDownLatch(definitions.size());
            for (EnabledStrategies.Definition definition : definitions) {
                StrategySupervisor supervisor = new StrategySupervisor(definition, host, retries);
                supervisors.add(supervisor);
                supervisor.start();
            }
        } finally {
            lock.unlock();
        }
        if (definitions.isEmpty()) {
            log.warn("no strategy enabled: add one with bot add-strategy (or enable one), then restart");
        }
        log.info("daemon started", kv("strategies", definitions.size()));
        return definitions.size();
    }

    /** Waits until every strategy has either run or been refused once; false when that took longer than {@code timeout}. */
    public boolean awaitFirstAttempts(Duration timeout) throws InterruptedException {
        return firstOutcomes.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The runners started so far. */
    public List<StrategyRunner> runners() {
        lock.lock();
        try {
            return List.copyOf(runners);
        } finally {
            lock.unlock();
        }
    }

    /** Each strategy's way up, by name: PREPARING ... RUNNING, or WAITING_TO_RETRY. */
    public Map<String, String> phases() {
        Map<String, String> phases = new LinkedHashMap<>();
        lock.lock();
        try {
            supervisors.forEach(s -> phases.put(s.name(), s.phase().name()));
        } finally {
            lock.unlock();
        }
        return phases;
    }

    /** Each running (or stopped) runner's state by strategy name: RUNNING, HALTED, FAILED, STOPPED. */
    public Map<String, String> runnerStates() {
        Map<String, String> states = new LinkedHashMap<>();
        runners().forEach(r -> states.put(r.identity().name(), r.state().name()));
        return states;
    }

    private SymbolRulesSource rules(Network network) {
        lock.lock();
        try {
            return rules.computeIfAbsent(network, exchange.rules());
        } finally {
            lock.unlock();
        }
    }

    /** The supervisors' view of the daemon. */
    private final class Host implements StrategySupervisor.Host {
        @Override
        public RunnerAssembly assembly() {
            return assembly;
        }

        /** The runner first, so that a feed replaying on this thread hands it its candles before anyone else. */
        @Override
        public Subscription subscribe(EnabledStrategies.Definition definition, StrategyRunner runner) {
            Network network = Network.of(definition.testnet());
            MarketFeed feed;
            boolean archive;
            String stream = network.code() + "/" + definition.symbol() + "@" + runner.identity().interval().code();
            lock.lock();
            try {
                if (closing) {
                    Subscription refused = new Subscription(() -> { });
                    refused.fail("the daemon is closing");
                    return refused;
                }
                feed = feeds.computeIfAbsent(network, exchange.feeds());
                archive = archivedStreams.add(stream);
            } finally {
                lock.unlock();
            }
            var identity = runner.identity();
            Subscription subscription = feed.subscribe(identity.symbol(), identity.interval(), runner.warmupCandles(),
                    runner);
            if (archive) {
                feed.subscribe(identity.symbol(), identity.interval(), runner.warmupCandles(), archiver.listener(network))
                        .onFailure(reason -> forgetArchived(stream));
                observer.stream(network, identity.symbol(), identity.interval()).ifPresent(watch ->
                        feed.subscribe(identity.symbol(), identity.interval(), runner.warmupCandles(), watch));
            }
            return subscription;
        }

        @Override
        public boolean run(StrategyRunner runner) {
            lock.lock();
            try {
                if (closing) {
                    return false;
                }
                runners.add(runner);
                runner.start();
                return true;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void firstOutcome() {
            firstOutcomes.countDown();
        }
    }

    private void forgetArchived(String stream) {
        lock.lock();
        try {
            archivedStreams.remove(stream);
        } finally {
            lock.unlock();
        }
    }

    /** Stops within seconds: supervisors ended, feeds closed, runners drained, their in-flight orders settled or left for the next start. */
    @Override
    public void close() {
        List<StrategySupervisor> toStop;
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            toStop = List.copyOf(supervisors);
        } finally {
            lock.unlock();
        }
        toStop.forEach(StrategySupervisor::interrupt);
        try {
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            for (StrategySupervisor supervisor : toStop) {
                if (!supervisor.awaitStopped(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    log.warn("strategy supervisor still busy after the drain timeout", kv("strategy", supervisor.name()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (MarketFeed feed : feeds.values()) {
            try {
                feed.close();
            } catch (RuntimeException e) {
                log.warn("market feed did not close cleanly: {}", e.getMessage());
            }
        }
        drainRunners();
        archiver.close();
        log.info("daemon stopped");
    }

    private void drainRunners() {
        List<StrategyRunner> started = runners();
        started.forEach(StrategyRunner::stop);
        try {
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            for (StrategyRunner runner : started) {
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
    }
}
