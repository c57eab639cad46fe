package bot.app;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.store.EnabledStrategies;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One strategy this daemon runs, from the moment it owns it: RUNNING (its supervisor brings it up
 * and it trades), STOPPING (on its own virtual thread, so that the daemon's lease round never waits
 * for a drain), STOPPED (the daemon then gives the lease up and forgets the slot).
 */
final class StrategySlot {
    private static final Logger log = LoggerFactory.getLogger(StrategySlot.class);

    enum State { RUNNING, STOPPING, STOPPED }

    /** Why a running strategy stops while the daemon goes on. */
    enum Reason {
        /** Disabled (bot disable): drained, its in-flight order settled, then its lease given up. */
        DISABLED(true),
        /** More than this instance's share now that another instance is up: drained, then handed over. */
        HANDED_OVER(true),
        /** The lease expired or was taken (this process was frozen, the database unreachable): cut short. */
        LEASE_LOST(false);

        private final boolean drains;

        Reason(boolean drains) {
            this.drains = drains;
        }

        /** True when the runner settles its in-flight order and the lease is then given back. */
        boolean drains() {
            return drains;
        }
    }

    private final EnabledStrategies.Definition definition;
    private final StrategySupervisor supervisor;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);

    StrategySlot(EnabledStrategies.Definition definition, StrategySupervisor supervisor) {
        this.definition = definition;
        this.supervisor = supervisor;
    }

    long id() {
        return definition.id();
    }

    String name() {
        return definition.name();
    }

    StrategySupervisor supervisor() {
        return supervisor;
    }

    State state() {
        return state.get();
    }

    boolean running() {
        return state.get() == State.RUNNING;
    }

    /** Starts stopping it (once; later calls do nothing); {@code stopped} runs when it has. */
    void stop(Reason reason, Duration drain, BiConsumer<StrategySlot, Reason> stopped) {
        if (!state.compareAndSet(State.RUNNING, State.STOPPING)) {
            return;
        }
        if (reason == Reason.LEASE_LOST) {
            log.warn("lease lost: stopping the strategy here (another instance may own it now)",
                    kv("strategy", definition.name()));
        } else {
            log.info("strategy stopping", kv("strategy", definition.name()), kv("reason", reason.name().toLowerCase()));
        }
        Thread.ofVirtual().name("stop-" + definition.name()).start(() -> {
            try {
                supervisor.stop(drain, !reason.drains());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                state.set(State.STOPPED);
                stopped.accept(this, reason);
            }
        });
    }
}
