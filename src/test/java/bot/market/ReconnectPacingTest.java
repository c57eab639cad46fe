package bot.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Backoff and attempt budget on a fake clock: simulated storms of failing connection attempts, no sleeps. */
class ReconnectPacingTest {
    private static final long FIVE_MINUTES = Duration.ofMinutes(5).toMillis();

    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private final ConnectionAttemptBudget budget = ConnectionAttemptBudget.binance(clock);

    /** Every attempt fails at once; returns the times of the attempts made. */
    private List<Long> storm(AttemptPacer pacer, int steps) {
        List<Long> attempts = new ArrayList<>();
        int retry = 0;
        for (int i = 0; i < steps; i++) {
            if (pacer.tryAttempt().isZero()) {
                attempts.add(clock.millis());
            }
            clock.advance(pacer.delayBefore(retry++));
        }
        return attempts;
    }

    private static void assertWithinBudget(List<Long> attempts) {
        for (int i = 300; i < attempts.size(); i++) {
            assertTrue(attempts.get(i) - attempts.get(i - 300) >= FIVE_MINUTES,
                    "301 attempts within 5 minutes, ending with attempt " + i);
        }
    }

    @Test
    void aBackoffFasterThanTheLimitIsHeldToThreeHundredAttemptsPerFiveMinutes() {
        AttemptPacer pacer = new AttemptPacer(
                new FullJitterBackoff(Duration.ofMillis(1), Duration.ofMillis(10), new SplittableRandom(7)), budget);
        List<Long> attempts = storm(pacer, 5000);
        assertWithinBudget(attempts);
        assertTrue(attempts.size() >= 1200, "the budget is used, not starved: " + attempts.size());
        assertTrue(budget.waitTime().compareTo(Duration.ofMinutes(5)) <= 0);
    }

    @Test
    void connectionsSharingTheBudgetTogetherStayWithinIt() {
        FullJitterBackoff backoff = new FullJitterBackoff(Duration.ofMillis(1), Duration.ofMillis(5), new SplittableRandom(3));
        AttemptPacer first = new AttemptPacer(backoff, budget);
        AttemptPacer second = new AttemptPacer(backoff, budget);
        List<Long> attempts = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            AttemptPacer pacer = i % 2 == 0 ? first : second;
            if (pacer.tryAttempt().isZero()) {
                attempts.add(clock.millis());
            }
            clock.advance(pacer.delayBefore(i / 2).dividedBy(2));
        }
        assertWithinBudget(attempts);
        assertTrue(attempts.size() > 600);
    }

    @Test
    void whileTheBudgetHasRoomTheDelayIsTheBackoffWithinItsCeiling() {
        FullJitterBackoff backoff = new FullJitterBackoff(Duration.ofMillis(500), Duration.ofSeconds(60),
                new SplittableRandom(11));
        AttemptPacer pacer = new AttemptPacer(backoff, budget);
        for (int retry = 0; retry < 40; retry++) {
            Duration delay = pacer.delayBefore(retry);
            assertTrue(!delay.isNegative() && delay.compareTo(backoff.ceiling(retry)) <= 0, retry + ": " + delay);
        }
        assertEquals(Duration.ofMillis(500), backoff.ceiling(0));
        assertEquals(Duration.ofMillis(4000), backoff.ceiling(3));
        assertEquals(Duration.ofSeconds(60), backoff.ceiling(7));
        assertEquals(Duration.ofSeconds(60), backoff.ceiling(10_000));
    }

    @Test
    void fullJitterSpreadsDelaysOverTheWholeRange() {
        FullJitterBackoff backoff = new FullJitterBackoff(Duration.ofMillis(100), Duration.ofSeconds(10),
                new SplittableRandom(5));
        long below = 0;
        long above = 0;
        for (int i = 0; i < 1000; i++) {
            long delay = backoff.delay(6).toMillis();   // ceiling 6400 ms
            below += delay < 1600 ? 1 : 0;
            above += delay > 4800 ? 1 : 0;
        }
        assertTrue(below > 150 && above > 150, below + " / " + above);
    }

    @Test
    void theBudgetSlides() {
        ConnectionAttemptBudget small = new ConnectionAttemptBudget(3, Duration.ofSeconds(10), clock);
        assertTrue(small.tryAcquire().isZero());
        clock.advance(Duration.ofSeconds(4));
        assertTrue(small.tryAcquire().isZero());
        assertTrue(small.tryAcquire().isZero());
        assertEquals(Duration.ofSeconds(6), small.tryAcquire());
        clock.advance(Duration.ofSeconds(6));
        assertTrue(small.tryAcquire().isZero());
        assertEquals(Duration.ofSeconds(4), small.waitTime());
    }

    @Test
    void theWatchCallsSilenceAndAge() {
        ConnectionWatch watch = new ConnectionWatch(FeedTimings.defaults());
        long opened = 1_000_000;
        assertEquals(ConnectionWatch.Verdict.HEALTHY, watch.check(opened + 59_999, opened, opened));
        assertEquals(ConnectionWatch.Verdict.SILENT, watch.check(opened + 60_000, opened, opened));
        long old = opened + Duration.ofHours(23).toMillis();
        assertEquals(ConnectionWatch.Verdict.HEALTHY, watch.check(old - 1, opened, old - 2));
        assertEquals(ConnectionWatch.Verdict.DUE_FOR_REPLACEMENT, watch.check(old, opened, old - 2));
    }
}
