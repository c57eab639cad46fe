package bot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.AdjustableClock;
import bot.testing.LogCapture;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A retried infrastructure error stays a WARN while it may pass; one that goes on is an ERROR, once, and so is its end. */
class InfrastructureRetryTest {

    @Test
    void anErrorThatGoesOnIsLoggedAtErrorOnceWhenItLastsAndOnceWhenItEnds() throws Exception {
        RecordingSleeper sleeper = new RecordingSleeper(new AdjustableClock(Instant.parse("2026-11-29T00:00:00Z")));
        InfrastructureRetry retry = new InfrastructureRetry(RetryBackoff.INFRASTRUCTURE, sleeper, new SplittableRandom(1));
        int[] calls = {0};
        try (LogCapture errors = LogCapture.errorsOf(InfrastructureRetry.class)) {
            String answer = retry.always("record the order's outcome", () -> {
                if (++calls[0] <= 15) {
                    throw new IllegalStateException("ERROR: value too long for type character varying(36)");
                }
                return "recorded";
            });
            assertEquals("recorded", answer);
            assertEquals(15, sleeper.waits.size());
            assertEquals(2, errors.count(), errors.errors().toString());
            assertTrue(errors.errors().get(0).startsWith("still cannot record the order's outcome"), errors.errors().toString());
            assertTrue(errors.errors().get(1).startsWith("could record the order's outcome again"), errors.errors().toString());
        }
    }

    @Test
    void aShortOutageStaysAWarning() throws Exception {
        RecordingSleeper sleeper = new RecordingSleeper(new AdjustableClock(Instant.parse("2026-11-29T00:00:00Z")));
        InfrastructureRetry retry = new InfrastructureRetry(RetryBackoff.INFRASTRUCTURE, sleeper, new SplittableRandom(1));
        int[] calls = {0};
        try (LogCapture errors = LogCapture.errorsOf(InfrastructureRetry.class)) {
            retry.run("journal the order", () -> {
                if (++calls[0] <= InfrastructureRetry.ERROR_AFTER - 1) {
                    throw new IllegalStateException("connection refused");
                }
            });
            assertEquals(0, errors.count(), errors.errors().toString());
        }
    }
}
