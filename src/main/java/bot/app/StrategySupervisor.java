package bot.app;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.engine.StrategyRunner;
import bot.engine.StreamUnavailableException;
import bot.engine.Subscription;
import bot.store.EnabledStrategies;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Brings one strategy up on its own virtual thread, step by step: prepare (kind, parameters,
 * gateway, {@code create()}), reconcile, subscribe (warm-up), run. A step that fails is logged at
 * ERROR with the reason, and the whole sequence is tried again later with a fresh runner (see
 * {@link StrategyRetries}), without touching the other strategies. Interrupting the thread (the
 * daemon closing) ends it at its next wait.
 */
final class StrategySupervisor {
    private static final Logger log = LoggerFactory.getLogger(StrategySupervisor.class);

    /** Where a strategy is in its way up. */
    enum Phase { PREPARING, RECONCILING, SUBSCRIBING, RUNNING, WAITING_TO_RETRY, STOPPED }

    /** What the supervisor needs of its daemon. */
    interface Host {
        RunnerAssembly assembly();

        /** Subscribes the runner (and the archive) to its stream. */
        Subscription subscribe(EnabledStrategies.Definition definition, StrategyRunner runner);

        /** Starts the runner unless the daemon is closing; false when it is. */
        boolean run(StrategyRunner runner);

        /** Called once, after the first attempt either runs the strategy or fails. */
        void firstOutcome();
    }

    private final EnabledStrategies.Definition definition;
    private final Host host;
    private final StrategyRetries retries;
    private volatile Phase phase = Phase.PREPARING;
    /** The last refusal, while waiting to retry after it; null otherwise. */
    private volatile Refusal refusal;
    /** Set once the strategy runs: what {@link #stop} drains. */
    private volatile StrategyRunner runner;
    private volatile Subscription subscription;
    /** Set by {@link #interrupt}: some clients swallow the interrupt and fail instead, which must not look like a refusal. */
    private volatile boolean stopping;
    private Thread thread;

    StrategySupervisor(EnabledStrategies.Definition definition, Host host, StrategyRetries retries) {
        this.definition = definition;
        this.host = host;
        this.retries = retries;
    }

    String name() {
        return definition.name();
    }

    Phase phase() {
        return phase;
    }

    /** Why the strategy was last refused, and whether the cause may pass by itself (the network). */
    record Refusal(String reason, boolean passing) {
    }

    /** The last refusal while the strategy waits to retry; null when it is not waiting. */
    Refusal refusal() {
        return phase == Phase.WAITING_TO_RETRY ? refusal : null;
    }

    long strategyId() {
        return definition.id();
    }

    String interval() {
        return definition.interval();
    }

    /** The runner once the strategy runs; null before. */
    StrategyRunner runner() {
        return runner;
    }

    void start() {
        thread = Thread.ofVirtual().name("supervisor-" + definition.name()).start(this::supervise);
    }

    /** Stops it at its next wait (a retry, a warm-up, a lookup during reconciliation). */
    void interrupt() {
        stopping = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Waits for it to end; true when it did. */
    boolean awaitStopped(Duration timeout) throws InterruptedException {
        Thread t = thread;
        return t == null || t.join(timeout);
    }


    /**
     * Stops this strategy alone (the daemon goes on): its way up ended, then its runner off the feed
     * and drained, its in-flight order settled, within about {@code drain}; {@code cutShort} (the
     * lease is lost: another instance may own it now) interrupts the runner at once instead.
     */
    void stop(Duration drain, boolean cutShort) throws InterruptedException {
        interrupt();
        if (!awaitStopped(drain)) {
            log.warn("strategy supervisor still busy after the drain timeout", kv("strategy", definition.name()));
        }
        StrategyRunner runner = this.runner;
        if (runner == null) {
            return;
        }
        subscription.cancel();
        runner.stop();
        if (cutShort) {
            runner.interrupt();
        }
        if (!runner.awaitStopped(drain)) {
            log.warn("runner still busy after the drain timeout; cutting its wait short", kv("strategy", definition.name()));
            runner.interrupt();
            runner.awaitStopped(Duration.ofSeconds(2));
        }
    }

    private void supervise() {
        boolean first = true;
        int failures = 0;
        try {
            while (!stopping) {
                try {
                    try {
                        runOnce();
                    } catch (RuntimeException e) {
                        if (stopping) {
                            return; // closing: a client that swallowed the interrupt failed instead
                        }
                        // a bug or an unforeseen failure: still this strategy's alone, and tried again
                        log.error("strategy could not start", kv("strategy", definition.name()), e);
                        throw new StrategyRefusedException("it could not start: " + e, false);
                    }
                    if (first) {
                        first = false;
                        host.firstOutcome();
                    }
                    return;
                } catch (StrategyRefusedException e) {
                    if (stopping) {
                        return;
                    }
                    failures = e.passing() ? failures + 1 : 0;
                    Duration wait = retries.delay(e.passing(), Math.max(1, failures));
                    log.error("strategy refused: {}", e.getMessage(), kv("strategy", definition.name()),
                            kv("retryInSeconds", wait.toSeconds()));
                    refusal = new Refusal(e.getMessage(), e.passing());
                    phase = Phase.WAITING_TO_RETRY;
                    if (first) {
                        first = false;
                        host.firstOutcome();
                    }
                    retries.sleeper().sleep(wait);
                }
            }
        } catch (InterruptedException e) {
            // the daemon is closing
        } finally {
            if (phase != Phase.RUNNING) {
                phase = Phase.STOPPED;
            }
            if (first) {
                host.firstOutcome();
            }
        }
    }

    private static void awaitDone(Subscription subscription) throws StrategyRefusedException, InterruptedException {
        try {
            subscription.await();
        } catch (StreamUnavailableException e) {
            throw new StrategyRefusedException(e.getMessage(), false);
        }
    }

    /** One pass through the steps, from a fresh runner; returns once the runner runs. */
    private void runOnce() throws StrategyRefusedException, InterruptedException {
        phase = Phase.PREPARING;
        StrategyRunner runner = host.assembly().runner(definition);
        phase = Phase.RECONCILING;
        if (!runner.reconcile()) {
            if (Thread.currentThread().isInterrupted() || runner.state() == StrategyRunner.State.STOPPED) {
                throw new InterruptedException();
            }
            throw new StrategyRefusedException("its state could not be reconciled with the journal and the exchange"
                    + " (see the line before)", true);
        }
        phase = Phase.SUBSCRIBING;
        Subscription subscription = host.subscribe(definition, runner);
        try {
            subscription.await();
        } catch (StreamUnavailableException e) {
            throw new StrategyRefusedException(e.getMessage(), false);
        } catch (InterruptedException e) {
            if (!subscription.isDone()) {
                subscription.cancel();
                throw e;
            }
            awaitDone(subscription); // it completed meanwhile: carry on as it says
        }
        if (!host.run(runner)) {
            subscription.cancel();
            throw new InterruptedException();
        }
        this.subscription = subscription;
        this.runner = runner;
        phase = Phase.RUNNING;
        MDC.put("strategy", definition.name());
        try {
            log.info("strategy running", kv("kind", definition.kind()), kv("symbol", definition.symbol()),
                    kv("interval", definition.interval()), kv("mode", definition.mode().code()));
        } finally {
            MDC.remove("strategy");
        }
    }
}
