package bot.market;

import dev.failsafe.RetryPolicy;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failsafe policy for REST reads: retry network errors, 5xx, 429 and 418 with full-jitter backoff.
 * Retry-After is the host's {@link bot.rest.RequestBudget}'s to honour: it holds every caller back
 * until then and lets them go spread out, so a retry here never waits for it on its own.
 */
final class RestRetries {
    private static final Logger log = LoggerFactory.getLogger(RestRetries.class);

    private RestRetries() {
    }

    /** @param maxRetries -1 to insist until interrupted */
    static <T> RetryPolicy<T> transientFailures(FullJitterBackoff backoff, int maxRetries, String what) {
        return RetryPolicy.<T>builder()
                .handleIf((result, failure) -> failure instanceof IOException
                        && !(failure instanceof MarketRestException rest && !rest.retryable()))
                .withMaxRetries(maxRetries)
                .withDelayFn(context -> backoff.delay(context.getAttemptCount() - 1))
                .onRetryScheduled(event -> log.warn("{} failed ({}); retry {} in {} ms", what,
                        event.getLastException().getMessage(), event.getAttemptCount(), event.getDelay().toMillis()))
                .build();
    }
}
