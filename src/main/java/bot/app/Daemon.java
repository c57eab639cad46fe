package bot.app;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Network;
import bot.engine.Journal;
import bot.notify.Notifier;
import bot.engine.LookupBackoff;
import bot.engine.MarketFeed;
import bot.engine.RiskBook;
import bot.engine.Sleeper;
import bot.engine.StrategyRunner;
import bot.engine.Subscription;
import bot.engine.SymbolRulesSource;
import bot.store.CandleRepository;
import bot.store.ChangeListener;
import bot.store.Changes;
import bot.store.Database;
import bot.store.EnabledStrategies;
import bot.store.Leases;
import bot.store.JdbiJournal;
import bot.store.JdbiRiskJournal;
import bot.store.SymbolRulesRepository;
import bot.strategy.StrategyRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: a supervisor per strategy it owns brings it up (prepare, reconcile, subscribe,
 * run) on its own, so that a strategy that cannot start (an unknown symbol, a failing plugin, the
 * exchange unreachable) is refused alone, tried again later, and never holds up the others.
 * Feeds and symbol rules are one per {@link Network}.
 * <p>
 * Which strategies it owns is settled by rounds ({@link #refresh()}): renew what it holds, re-read
 * the enabled strategies, stop those disabled or lost (a {@link StrategySlot} each), hand over what
 * exceeds its share, take free ones up to it. A daemon with leases runs a round every quarter of
 * the lease TTL and at once on a change announced in the database (bot enable, disable,
 * add-strategy, another instance stopping or joining).
 * <p>
 * {@link #close()} stops it cleanly: supervisors first (strategies waiting for a retry give up),
 * feeds closed (no more candles), then every runner drains its queue and settles its in-flight
 * order; then its leases are given up at once, for another instance to take over.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);
    /** How long runners get to drain before their waits are cut short. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    /** How long a changes-listener waits between its re-reads when no notice comes. */
    static final Duration CHANGES_SAFETY_NET = Duration.ofSeconds(30);

    private final EnabledStrategies strategies;
    private final Ownership ownership;
    private final Duration roundEvery;
    private final ChangeListener changes;
    private final Semaphore wake = new Semaphore(0);
    /** One round at a time (the loop's, a test's, start's). */
    private final ReentrantLock rounds = new ReentrantLock();
    private final Exchange exchange;
    private final StrategyRetries retries;
    private final CandleArchiver archiver;
    private final RunnerAssembly assembly;
    private final RiskBook risk;
    private final DaemonObserver observer;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private final Map<Network, MarketFeed> feeds = new EnumMap<>(Network.class);
    private final Map<Network, SymbolRulesSource> rules = new EnumMap<>(Network.class);
    private final Set<String> archivedStreams = new HashSet<>();
    private final List<StrategyRunner> runners = new ArrayList<>();
    private final Map<Long, StrategySlot> slots = new LinkedHashMap<>();
    private boolean closing;
    private boolean standby;
    /** Guarded by rounds. */
    private int lastQuota = -1;
    private Thread loop;
    /** Set once every runner has drained: the lease rounds (renewals only while closing) end. */
    private volatile boolean roundsEnd;
    private volatile CountDownLatch firstOutcomes = new CountDownLatch(0);

    /** A daemon on its own: it runs every enabled strategy, and re-reads them only when {@link #refresh()} is called. */
    public Daemon(EnabledStrategies strategies, Journal journal, StrategyRegistry registry, Exchange exchange,
                  Clock clock, LookupBackoff lookups, Sleeper lookupSleeper, StrategyRetries retries,
                  CandleArchiver archiver) {
        this(strategies, journal, registry, exchange, clock, lookups, lookupSleeper, retries, archiver,
                RiskBook.inMemory(clock));
    }

    /** With the risk limits in {@code risk}, which the caller keeps up to date ({@link RiskUpdates}). */
    public Daemon(EnabledStrategies strategies, Journal journal, StrategyRegistry registry, Exchange exchange,
                  Clock clock, LookupBackoff lookups, Sleeper lookupSleeper, StrategyRetries retries,
                  CandleArchiver archiver, RiskBook risk) {
        this(strategies, journal, registry, exchange, clock, lookups, lookupSleeper, retries, archiver, risk,
                DaemonObserver.NONE, Ownership.solo(), null, null);
    }

    /** With {@code observer} attached to every strategy's gateway and order flow and to every stream. */
    public Daemon(EnabledStrategies strategies, Journal journal, StrategyRegistry registry, Exchange exchange,
                  Clock clock, LookupBackoff lookups, Sleeper lookupSleeper, StrategyRetries retries,
                  CandleArchiver archiver, DaemonObserver observer) {
        this(strategies, journal, registry, exchange, clock, lookups, lookupSleeper, retries, archiver,
                RiskBook.inMemory(clock), observer, Ownership.solo(), null, null);
    }

    Daemon(EnabledStrategies strategies, Journal journal, StrategyRegistry registry, Exchange exchange,
           Clock clock, LookupBackoff lookups, Sleeper lookupSleeper, StrategyRetries retries,
           CandleArchiver archiver, RiskBook risk, DaemonObserver observer, Ownership ownership, Duration roundEvery,
           ChangeListener changes) {
        this.risk = risk;
        this.strategies = strategies;
        this.ownership = ownership;
        this.roundEvery = roundEvery;
        this.changes = changes;
        this.exchange = exchange;
        this.retries = retries;
        this.archiver = archiver;
        this.observer = observer;
        this.assembly = new RunnerAssembly(registry, journal, this::rules, exchange, clock, lookups, lookupSleeper,
                risk, ownership, observer);
    }

    /** A daemon on its own over {@code jdbi} (no leases), with real waits: tests and replays. */
    public static Daemon create(Jdbi jdbi, StrategyRegistry registry, Exchange exchange, Clock clock) {
        return create(jdbi, registry, exchange, clock, Notifier.NONE, DaemonObserver.NONE);
    }

    /** The same, telling {@code notifier} of every fill the journal records. */
    public static Daemon create(Jdbi jdbi, StrategyRegistry registry, Exchange exchange, Clock clock,
                                Notifier notifier) {
        return create(jdbi, registry, exchange, clock, notifier, DaemonObserver.NONE);
    }

    /** As {@link #create(Jdbi, StrategyRegistry, Exchange, Clock)}, watched by {@code observer}. */
    public static Daemon create(Jdbi jdbi, StrategyRegistry registry, Exchange exchange, Clock clock,
                                DaemonObserver observer) {
        return create(jdbi, registry, exchange, clock, Notifier.NONE, observer);
    }

    /** A daemon on its own, telling {@code notifier} of every fill and watched by {@code observer}. */
    public static Daemon create(Jdbi jdbi, StrategyRegistry registry, Exchange exchange, Clock clock,
                                Notifier notifier, DaemonObserver observer) {
        Journal journal = notifier == Notifier.NONE ? new JdbiJournal(jdbi)
                : new NotifyingJournal(new JdbiJournal(jdbi), notifier);
        return new Daemon(new EnabledStrategies(jdbi), journal, registry,
                exchange.recordingRulesIn(new SymbolRulesRepository(jdbi)), clock,
                LookupBackoff.DEFAULT, Thread::sleep, StrategyRetries.standard(),
                new CandleArchiver(new CandleRepository(jdbi)), new RiskBook(new JdbiRiskJournal(jdbi), clock),
                observer, Ownership.solo(), null, null);
    }

    /** The risk limits of every runner: halts, trips and limits are applied to it ({@link RiskUpdates}). */
    public RiskBook risk() {
        return risk;
    }

    /**
     * The daemon as {@code bot start} runs it: one of any number of instances on {@code db}, each
     * strategy run by the instance holding its lease ({@code leaseTtl}), the journal fenced by it,
     * and changes in the database reaching it through one {@link ChangeListener}.
     */
    public static Daemon shared(Database db, StrategyRegistry registry, Exchange exchange, Clock clock,
                                Duration leaseTtl, Notifier notifier, DaemonObserver observer) {
        Jdbi jdbi = db.jdbi();
        Leases leases = new Leases(jdbi, InstanceIdentity.current(), leaseTtl);
        ChangeListener changes = new ChangeListener(db.dataSource(), CHANGES_SAFETY_NET);
        Journal fenced = new JdbiJournal(jdbi, leases);
        Journal journal = notifier == Notifier.NONE ? fenced : new NotifyingJournal(fenced, notifier);
        Daemon daemon = new Daemon(new EnabledStrategies(jdbi), journal, registry,
                exchange.recordingRulesIn(new SymbolRulesRepository(jdbi)), clock, LookupBackoff.DEFAULT, Thread::sleep, StrategyRetries.standard(),
                new CandleArchiver(new CandleRepository(jdbi)), new RiskBook(new JdbiRiskJournal(jdbi), clock), observer,
                Ownership.leased(leases, leaseTtl.dividedBy(2)), leaseTtl.dividedBy(4), changes);
        // Limits and halts are read before any strategy starts (a daemon stopped halted starts halted).
        RiskUpdates risk = new RiskUpdates(jdbi, daemon.risk(), notifier);
        risk.run();
        // The daemon's reactions to changes in the database; each must only re-read and apply, quickly.
        changes.on(Changes.Topic.STRATEGIES, daemon::wake);
        changes.on(Changes.Topic.RISK, risk);
        return daemon;
    }

    /**
     * Joins the other instances, runs a first round (starting a supervisor for each strategy it
     * takes), then keeps its rounds going; returns at once with how many strategies it runs (0: it
     * waits as a standby). Whether each runs or waits for a retry shows in the log, in
     * {@link #runners()} and {@link #phases()}.
     */
    public int start() {
        lock.lock();
        try {
            if (closing) {
                throw new IllegalStateException("daemon closed");
            }
        } finally {
            lock.unlock();
        }
        ownership.join();
        int running = round(true);
        if (changes != null) {
            changes.start();
        }
        if (roundEvery != null) {
            lock.lock();
            try {
                if (!closing) {
                    loop = Thread.ofPlatform().daemon().name("lease-rounds").start(this::rounds);
                }
            } finally {
                lock.unlock();
            }
        }
        log.info("daemon started", kv("strategies", running));
        return running;
    }

    /** Runs a round now (what a change announced in the database triggers): see the class comment. */
    public void refresh() {
        round(false);
    }

    /** Asks the round loop for a round now, without waiting for it (a change listener's reaction). */
    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void rounds() {
        while (!roundsEnd) {
            try {
                wake.tryAcquire(roundEvery.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            if (roundsEnd) {
                return;
            }
            try {
                if (isClosing()) {
                    // Stopping: the strategies still draining keep their leases until they have settled,
                    // however long that takes; nothing is taken or stopped any more.
                    ownership.renew();
                } else {
                    round(false);
                }
            } catch (RuntimeException e) {
                // the database away: leases run out meanwhile, and the fence stops this instance's orders
                log.warn("lease round failed; trying again in {} ms: {}", roundEvery.toMillis(), e.toString());
            }
        }
    }

    /** One round; how many strategies this daemon runs after it. */
    private int round(boolean first) {
        rounds.lock();
        try {
            Set<Long> held = ownership.renew();
            List<EnabledStrategies.Definition> enabled = strategies.load();
            int quota = ownership.quota(enabled.size());
            if (quota != lastQuota) {
                log.info("share of the enabled strategies", kv("enabled", enabled.size()), kv("share", quota));
                lastQuota = quota;
            }
            int active = stopWhatIsNotOurs(held, enabled, quota);
            List<EnabledStrategies.Definition> taken = new ArrayList<>();
            for (EnabledStrategies.Definition definition : enabled) {
                if (active + taken.size() >= quota) {
                    break;
                }
                if (!hasSlot(definition.id()) && ownership.take(definition.id())) {
                    taken.add(definition);
                }
            }
            return startSlots(first, taken, enabled.size(), quota);
        } finally {
            rounds.unlock();
        }
    }

    /** Stops what is lost, disabled or beyond the share; how many slots go on running. */
    private int stopWhatIsNotOurs(Set<Long> held, List<EnabledStrategies.Definition> enabled, int quota) {
        Set<Long> enabledIds = new HashSet<>();
        enabled.forEach(d -> enabledIds.add(d.id()));
        List<StrategySlot> kept = new ArrayList<>();
        lock.lock();
        try {
            for (StrategySlot slot : slots.values()) {
                if (!slot.running()) {
                    continue;
                }
                if (!held.contains(slot.id())) {
                    stop(slot, StrategySlot.Reason.LEASE_LOST);
                } else if (!enabledIds.contains(slot.id())) {
                    stop(slot, StrategySlot.Reason.DISABLED);
                } else {
                    kept.add(slot);
                }
            }
            // the newest beyond the share go: another instance (a standby, one just started) takes them
            kept.sort(Comparator.comparingLong(StrategySlot::id));
            for (StrategySlot slot : kept.subList(Math.min(quota, kept.size()), kept.size())) {
                stop(slot, StrategySlot.Reason.HANDED_OVER);
            }
            return Math.min(quota, kept.size());
        } finally {
            lock.unlock();
        }
    }

    private int startSlots(boolean first, List<EnabledStrategies.Definition> taken, int enabled, int quota) {
        StrategySupervisor.Host host = new Host();
        List<StrategySupervisor> started = new ArrayList<>();
        int running;
        lock.lock();
        try {
            if (closing) {
                taken.forEach(d -> ownership.release(d.id()));
                return 0;
            }
            if (first) {
                firstOutcomes = new CountDownLatch(taken.size());
            }
            for (EnabledStrategies.Definition definition : taken) {
                StrategySupervisor supervisor = new StrategySupervisor(definition, host, retries);
                slots.put(definition.id(), new StrategySlot(definition, supervisor));
                started.add(supervisor);
            }
            running = (int) slots.values().stream().filter(StrategySlot::running).count();
            started.forEach(StrategySupervisor::start);
            logStandby(running, enabled);
        } finally {
            lock.unlock();
        }
        return running;
    }

    /** Says once when this instance has nothing to run (guarded by lock). */
    private void logStandby(int running, int enabled) {
        if (running > 0 || standby) {
            standby = running == 0;
            return;
        }
        standby = true;
        if (enabled == 0) {
            log.warn("no strategy enabled: waiting as a standby (add one with bot add-strategy, or enable one;"
                    + " no restart needed)");
        } else {
            log.info("standby: every enabled strategy is run by another instance; waiting to take over",
                    kv("enabled", enabled));
        }
    }

    private boolean hasSlot(long strategyId) {
        lock.lock();
        try {
            return slots.containsKey(strategyId);
        } finally {
            lock.unlock();
        }
    }

    /** Stops one slot (guarded by lock); once stopped, it is forgotten, its lease given up, and a round follows. */
    private void stop(StrategySlot slot, StrategySlot.Reason reason) {
        slot.stop(reason, DRAIN_TIMEOUT, (stopped, why) -> {
            StrategyRunner runner = stopped.supervisor().runner();
            lock.lock();
            try {
                slots.remove(stopped.id(), stopped);
                runners.remove(runner);
            } finally {
                lock.unlock();
            }
            if (why.drains()) {
                try {
                    ownership.release(stopped.id());
                } catch (RuntimeException e) {
                    log.warn("could not give the lease up; it runs out by itself: {}", e.toString(),
                            kv("strategy", stopped.name()));
                }
            }
            log.info("strategy stopped", kv("strategy", stopped.name()), kv("reason", why.name().toLowerCase()));
            wake();
        });
    }

    private boolean isClosing() {
        lock.lock();
        try {
            return closing;
        } finally {
            lock.unlock();
        }
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
            slots.values().forEach(s -> phases.put(s.name(), s.supervisor().phase().name()));
        } finally {
            lock.unlock();
        }
        return phases;
    }

    /** Each strategy as the daemon supervises it, for status and notifications: read-only, cheap, from any thread. */
    public List<StrategyActivity> activity() {
        List<StrategySupervisor> all;
        lock.lock();
        try {
            all = slots.values().stream().map(StrategySlot::supervisor).toList();
        } finally {
            lock.unlock();
        }
        List<StrategyActivity> activity = new ArrayList<>(all.size());
        for (StrategySupervisor s : all) {
            StrategySupervisor.Refusal refusal = s.refusal();
            StrategyRunner runner = s.runner();
            activity.add(new StrategyActivity(s.strategyId(), s.name(), s.interval(), s.phase().name(),
                    refusal == null ? null : refusal.reason(), refusal != null && refusal.passing(),
                    runner == null ? null : runner.view()));
        }
        return activity;
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
            toStop = slots.values().stream().map(StrategySlot::supervisor).toList();
        } finally {
            lock.unlock();
        }
        if (changes != null) {
            changes.close();
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
        boolean settled = drainRunners();
        archiver.close();
        stopRounds();
        if (!settled) {
            // A request cut short may still reach the exchange: the next holder must not look for it before
            // it is dead there, so the leases are left to run out by themselves rather than given up now.
            log.warn("a runner was cut short with an order possibly in flight: its leases run out by themselves");
        } else {
            try {
                ownership.leave(); // at once: another instance takes over now, not when the leases run out
            } catch (RuntimeException e) {
                log.warn("could not give the leases up; they run out by themselves: {}", e.toString());
            }
        }
        log.info("daemon stopped");
    }

    private void stopRounds() {
        roundsEnd = true;
        rounds.lock(); // a round under way ends first (it takes nothing more: closing is set)
        rounds.unlock();
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True when every runner ended by itself, its in-flight order settled; false when one was cut short. */
    private boolean drainRunners() {
        List<StrategyRunner> started = runners();
        started.forEach(StrategyRunner::stop);
        boolean settled = true;
        try {
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            for (StrategyRunner runner : started) {
                Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
                if (!runner.awaitStopped(left)) {
                    log.warn("runner still busy after the drain timeout; cutting its wait short",
                            kv("strategy", runner.identity().name()));
                    settled = false;
                    runner.interrupt();
                    runner.awaitStopped(Duration.ofSeconds(2));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            settled = false;
        }
        return settled;
    }
}
