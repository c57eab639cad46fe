package bot.market;

import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.time.Duration;

/**
 * Failsafe policy for REST reads: retry network errors, 5xx, 429 and 418 with full-jitter backoff,
 * honouring Retry-After; the waits are told to an {@link OutageLog}, not logged one by one.
 */
final class RestRetries {

    private RestRetries() {
    }

    /** Whether a failed REST read may succeed when tried again: network errors, 5xx, 429, 418. */
    static boolean transientFailure(Throwable failure) {
        return failure instanceof IOException && !(failure instanceof MarketRestException rest && !rest.retryable());
    }

    /** The wait before retry {@code retry} (0 = the first) after {@code failure}: the backoff's, or longer when the server says so. */
    static Duration delay(FullJitterBackoff backoff, int retry, Throwable failure) {
        Duration delay = backoff.delay(retry);
        if (failure instanceof MarketRestException rest && rest.retryAfter() != null
                && rest.retryAfter().compareTo(delay) > 0) {
            return rest.retryAfter();
        }
        return delay;
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
