package bot.app;

import bot.engine.RunnerView;
import bot.notify.Notice;
import bot.notify.Notifier;
import bot.store.StatusRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what the daemon does with each strategy to strategy_status, from its own virtual
 * thread, every {@code every}: each pass reads the runners' latest views (so changes between two
 * passes coalesce into one write) and writes one batch, which is also the heartbeat. The trading
 * threads never wait on it; a database outage is logged once and waited out. A strategy turning
 * halted, failed or refused (and running again after it) is also told to the notifier.
 */
public final class StatusPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusPublisher.class);
    /** How often the state and heartbeat are written. */
    public static final Duration EVERY = Duration.ofSeconds(2);

    private final StatusRepository repository;
    private final StatusRepository.Instance instance;
    private final Supplier<List<StrategyActivity>> daemon;
    private final Notifier notifier;
    private final InstantSource engineClock;
    private final Duration every;
    private final Runnable alsoEachPass;
    // Used by the publishing thread only (and by close() once that thread has ended).
    private final Map<Long, Long> runningSince = new HashMap<>();
    private final Map<Long, PhaseSeen> phases = new HashMap<>();

    /** A strategy's phase and when this publisher first saw it in it. */
    private record PhaseSeen(String phase, long since) {
    }
    private final Map<Long, StrategyState.Code> told = new HashMap<>();
    private boolean failing;
    private final Thread thread;
    /** Counted down by close(): wakes the thread from its wait, never interrupting a JDBC call. */
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);

    /**
     * @param engineClock  the daemon's clock: candle times and lags are on it
     * @param alsoEachPass more work for the same thread after each pass (the daily summary)
     */
    public StatusPublisher(StatusRepository repository, StatusRepository.Instance instance,
                           Supplier<List<StrategyActivity>> daemon, Notifier notifier, InstantSource engineClock,
                           Duration every, Runnable alsoEachPass) {
        this.repository = repository;
        this.instance = instance;
        this.daemon = daemon;
        this.notifier = notifier;
        this.engineClock = engineClock;
        this.every = every;
        this.alsoEachPass = alsoEachPass;
        this.thread = Thread.ofVirtual().name("status-publisher").start(this::run);
    }

    private void run() {
        try {
            do {
                try {
                    publishOnce();
                    alsoEachPass.run();
                } catch (RuntimeException e) {
                    // a bug must not end the status: it is logged and the next pass tries again
                    log.atWarn().setCause(e).log("status: a pass failed");
                }
            } while (!closing.await(every.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            // cut short by close() after its wait
        }
    }

    /** One pass: every strategy's state written in one transaction; false when the database refused it. */
    private boolean publishOnce() {
        long now = engineClock.millis();
        List<StatusRepository.Published> rows = new ArrayList<>();
        for (StrategyActivity activity : daemon.get()) {
            if (activity.runner() != null) {
                runningSince.putIfAbsent(activity.strategyId(), now);
            }
            PhaseSeen seen = phases.get(activity.strategyId());
            if (seen == null || !seen.phase().equals(activity.phase())) {
                seen = new PhaseSeen(activity.phase(), now);
                phases.put(activity.strategyId(), seen);
            }
            StrategyState state = StrategyState.of(activity, now, runningSince.getOrDefault(activity.strategyId(), now),
                    seen.since());
            tell(activity, state);
            rows.add(row(activity, state));
        }
        try {
            repository.publish(instance, rows);
            if (failing) {
                failing = false;
                log.info("status: publishing to the database again");
            }
            return true;
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.atWarn().addKeyValue("reason", e.toString())
                        .log("status: cannot publish to the database; trading goes on, publishing is tried again");
            }
            return false;
        }
    }

    private static StatusRepository.Published row(StrategyActivity activity, StrategyState state) {
        RunnerView view = activity.runner();
        RunnerView.HandledCandle candle = view == null ? null : view.lastCandle();
        var position = view == null ? null : view.position();
        return new StatusRepository.Published(activity.strategyId(), state.code().column(), state.reason(),
                candle == null ? null : candle.openTime(), candle == null ? null : candle.closeTime(),
                candle == null ? null : candle.close(), candle == null ? null : candle.lagMillis(),
                position == null ? null : position.quantity(), position == null ? null : position.entryPrice(),
                view == null ? null : view.unrealizedPnl());
    }

    /**
     * A strategy entering a state an operator must hear of is told once, when it enters it; and
     * once more when it runs again after a halt or a refusal.
     */
    private void tell(StrategyActivity activity, StrategyState state) {
        StrategyState.Code before = told.put(activity.strategyId(), state.code());
        boolean resumed = before != null && before.alarming() && state.code() == StrategyState.Code.RUNNING;
        if (state.code() == before || !(state.code().alarming() || resumed)) {
            return;
        }
        Notice.Kind kind = switch (state.code()) {
            case HALTED -> Notice.Kind.HALTED;
            case FAILED -> Notice.Kind.FAILED;
            case RUNNING -> Notice.Kind.RESUMED;
            default -> Notice.Kind.REFUSED;
        };
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("state", state.code().column());
        fields.put("reason", state.reason());
        notifier.publish(new Notice(kind, activity.name(), activity.name() + ": " + state.describe(), fields,
                Instant.ofEpochMilli(engineClock.millis())));
    }

    /**
     * Stops publishing, then writes the last state (the daemon stopped: every strategy stopped) once,
     * marked as an instance that stopped, so {@code bot status} says at once that no daemon runs.
     */
    @Override
    public void close() {
        closing.countDown();
        try {
            if (!thread.join(Duration.ofSeconds(10))) {
                thread.interrupt(); // a publish stuck on the database: give it up
                thread.join(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive() && publishOnce()) {
            try {
                repository.stopped(instance);
            } catch (RuntimeException e) {
                log.warn("status: cannot mark this instance stopped: {}", e.toString());
            }
        }
    }
}
