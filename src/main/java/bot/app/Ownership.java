package bot.app;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.engine.OrderGateway;
import bot.store.Leases;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which strategies this daemon may run: all of them (one instance), or those whose lease it holds. */
interface Ownership {

    /** Announces this instance before its first round. */
    void join();

    /** Renews what this instance holds; the strategy ids it still holds. */
    Set<Long> renew();

    /** How many strategies this instance should run at most, {@code enabled} being enabled. */
    int quota(int enabled);

    /** Takes {@code strategyId} if nobody holds it; true when taken. */
    boolean take(long strategyId);

    /** Gives {@code strategyId} up, once it has stopped cleanly. */
    void release(long strategyId);

    /** A clean stop: gives everything up. */
    void leave();

    /** {@code gateway}, as the live orders of {@code strategyId} go through it. */
    default OrderGateway guard(long strategyId, OrderGateway gateway) {
        return gateway;
    }

    /** One instance on its own: it runs every enabled strategy (tests, and daemons made without leases). */
    static Ownership solo() {
        return new Ownership() {
            private final Set<Long> taken = ConcurrentHashMap.newKeySet();

            @Override
            public void join() {
            }

            @Override
            public Set<Long> renew() {
                return new HashSet<>(taken);
            }

            @Override
            public int quota(int enabled) {
                return enabled;
            }

            @Override
            public boolean take(long strategyId) {
                taken.add(strategyId);
                return true;
            }

            @Override
            public void release(long strategyId) {
                taken.remove(strategyId);
            }

            @Override
            public void leave() {
                taken.clear();
            }
        };
    }

    /**
     * Several instances on one database, by leases: each takes at most its share, ceil(enabled /
     * live instances), so that any instance waiting (a standby, one just started) gets some.
     */
    static Ownership leased(Leases leases, Duration minLeftToSend) {
        Logger log = LoggerFactory.getLogger(Ownership.class);
        return new Ownership() {
            @Override
            public void join() {
                leases.join();
                Leases.Instance me = leases.instance();
                log.info("instance joined", kv("instance", me.id()), kv("host", me.host()), kv("pid", me.pid()));
            }

            @Override
            public Set<Long> renew() {
                return leases.renew().keySet();
            }

            @Override
            public int quota(int enabled) {
                int live = Math.max(1, leases.liveInstances());
                return (enabled + live - 1) / live;
            }

            @Override
            public boolean take(long strategyId) {
                var epoch = leases.take(strategyId);
                epoch.ifPresent(e -> log.info("lease taken", kv("strategyId", strategyId), kv("epoch", e)));
                return epoch.isPresent();
            }

            @Override
            public void release(long strategyId) {
                leases.release(strategyId);
            }

            @Override
            public void leave() {
                leases.leave();
            }

            @Override
            public OrderGateway guard(long strategyId, OrderGateway gateway) {
                return new LeaseGuardedGateway(gateway, () -> leases.left(strategyId), minLeftToSend, Clock.systemUTC());
            }
        };
    }
}
