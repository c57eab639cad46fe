package bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Interval;
import bot.domain.Mode;
import bot.domain.OrderRequest;
import bot.domain.OrderType;
import bot.domain.Side;
import bot.engine.StrategyIdentity;
import bot.testing.Rows;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leases on real PostgreSQL: one holder at a time, epochs that grow at each take-over, expiry, and
 * the journal's fence. Expiry is simulated by moving expires_at into the past (no sleeps).
 */
class LeasesTest {
    private static final Duration TTL = Duration.ofSeconds(30);

    private Database db;
    private Jdbi jdbi;
    private long strategyId;
    private Leases a;
    private Leases b;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
        jdbi = db.jdbi();
        strategyId = Rows.strategy(jdbi, "s1", "mean_reversion", "XRPETH", "live", "{}");
        a = new Leases(jdbi, new Leases.Instance("a", "host-a", 101), TTL);
        b = new Leases(jdbi, new Leases.Instance("b", "host-b", 202), TTL);
        a.join();
        b.join();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void oneHolderAtATimeAndEachTakeOverBumpsTheEpoch() {
        assertEquals(OptionalLong.of(1), a.take(strategyId));
        assertEquals(OptionalLong.empty(), b.take(strategyId));
        assertEquals(Map.of(strategyId, 1L), a.renew());
        assertEquals(Map.of(), b.renew());

        a.release(strategyId);
        assertEquals(Map.of(), a.renew());
        assertEquals(OptionalLong.of(2), b.take(strategyId));
        Leases.Lease lease = Leases.all(jdbi).get(strategyId);
        assertEquals("b", lease.holder());
        assertEquals("host-b", lease.host());
        assertEquals(202, lease.pid());
        assertTrue(lease.held());
    }

    @Test
    void anExpiredLeaseIsNotRenewedAndAnotherInstanceTakesItOver() {
        a.take(strategyId);
        expire();
        assertEquals(Map.of(), a.renew(), "a lease that ran out is gone, even if nobody took it yet");
        assertEquals(OptionalLong.empty(), a.epoch(strategyId));
        assertEquals(OptionalLong.of(2), b.take(strategyId));
        assertFalse(Leases.all(jdbi).get(strategyId).holder().equals("a"));
    }

    @Test
    void liveInstancesAreThoseRenewedWithinTheTtlAndALeavingOneIsGoneAtOnce() {
        assertEquals(2, a.liveInstances());
        jdbi.useHandle(h -> h.execute("update lease_instances set expires_at = now() - interval '1 second' where id = 'b'"));
        assertEquals(1, a.liveInstances());
        b.renew();
        assertEquals(2, a.liveInstances());
        a.take(strategyId);
        a.leave();
        assertEquals(1, b.liveInstances());
        assertEquals(OptionalLong.of(2), b.take(strategyId), "a clean stop hands the lease over at once");
    }

    @Test
    void theJournalAcceptsAnOrderOnlyFromTheHolderOfTheCurrentEpoch() {
        JdbiJournal journalA = new JdbiJournal(jdbi, a);
        JdbiJournal journalB = new JdbiJournal(jdbi, b);
        assertEquals(Optional.empty(), journalA.open(identity(), order("b1-x-1", 60_000), 1), "no lease, no order");

        a.take(strategyId);
        assertTrue(journalA.open(identity(), order("b1-x-2", 120_000), 1).isPresent());
        assertEquals(Optional.empty(), journalB.open(identity(), order("b1-x-3", 180_000), 1));

        // a frozen past its lease: b takes over; a still believes it holds epoch 1
        expire();
        b.take(strategyId);
        assertEquals(OptionalLong.of(1), a.epoch(strategyId));
        assertEquals(Optional.empty(), journalA.open(identity(), order("b1-x-4", 240_000), 1), "fenced");
        assertTrue(journalB.open(identity(), order("b1-x-5", 240_000), 1).isPresent());

        // expired and not yet taken: refused too
        expire();
        assertEquals(Optional.empty(), journalB.open(identity(), order("b1-x-6", 300_000), 1));

        assertEquals(java.util.List.of("b1-x-2", "b1-x-5"), jdbi.withHandle(h -> h.createQuery(
                "select client_order_id from orders order by id").mapTo(String.class).list()));
        assertTrue(new JdbiJournal(jdbi).open(identity(), order("b1-x-7", 360_000), 1).isPresent(),
                "a journal without leases (one instance) accepts every order");
    }

    @Test
    void aRetriedOpenOfAnOrderJournaledBeforeTheLeaseRanOutStillAnswersItsRow() {
        JdbiJournal journal = new JdbiJournal(jdbi, a);
        a.take(strategyId);
        Optional<Long> first = journal.open(identity(), order("b1-y-1", 60_000), 1);
        assertTrue(first.isPresent());
        assertEquals(first, journal.open(identity(), order("b1-y-1", 60_000), 1));
    }

    private void expire() {
        jdbi.useHandle(h -> h.execute("update strategy_leases set expires_at = now() - interval '1 second'"));
    }

    private StrategyIdentity identity() {
        return new StrategyIdentity(strategyId, "s1", Mode.LIVE, "XRPETH", Interval.M1);
    }

    private static OrderRequest order(String clientOrderId, long candleOpenTime) {
        return new OrderRequest(clientOrderId, "XRPETH", Side.BUY, OrderType.MARKET, new BigDecimal("10"),
                new BigDecimal("0.0012"), candleOpenTime);
    }
}
