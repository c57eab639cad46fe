package bot.market;

import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.time.Duration;

/**
 * Failsafe policy for REST reads: retry network errors, 5xx, 429 and 418 with full-jitter backoff;
 * the waits are told to an {@link OutageLog}, not logged one by one. Retry-After is the host's
 * {@link bot.rest.RequestBudget}'s to honour: it holds every caller back until then and lets them go
 * spread out, so a retry here never waits for it on its own (that would bring them all back at once).
 */
final class RestRetries {

    private RestRetries() {
    }

    /** Whether a failed REST read may succeed when tried again: network errors, 5xx, 429, 418. */
    static boolean transientFailure(Throwable failure) {
        return failure instanceof IOException && !(failure instanceof MarketRestException rest && !rest.retryable());
    }

    /** The wait before retry {@code retry} (0 = the first) after {@code failure}: the backoff's (the budget keeps Retry-After). */
    static Duration delay(FullJitterBackoff backoff, int retry, Throwable failure) {
        return backoff.delay(retry);
    }

    /** @param maxRetries -1 to insist until interrupted */
    static <T> RetryPolicy<T> transientFailures(FullJitterBackoff backoff, int maxRetries, String what, OutageLog outage) {
        return RetryPolicy.<T>builder()
                .handleIf((result, failure) -> transientFailure(failure))
                .withMaxRetries(maxRetries)
                .withDelayFn(context -> delay(backoff, context.getAttemptCount() - 1, context.getLastException()))
                .onRetryScheduled(event -> outage.failed(what, event.getLastException()))
                .onSuccess(event -> outage.succeeded())
                .build();
    }
}
