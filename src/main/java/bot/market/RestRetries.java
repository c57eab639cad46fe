package bot.market;

import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Failsafe policy for REST reads: retry network errors, 5xx, 429 and 418 with full-jitter backoff, honouring Retry-After. */
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
                .withDelayFn(context -> {
                    Duration delay = backoff.delay(context.getAttemptCount() - 1);
                    if (context.getLastException() instanceof MarketRestException rest && rest.retryAfter() != null
                            && rest.retryAfter().compareTo(delay) > 0) {
                        return rest.retryAfter();
                    }
                    return delay;
                })
                .onRetryScheduled(event -> log.warn("{} failed ({}); retry {} in {} ms", what,
                        event.getLastException().getMessage(), event.getAttemptCount(), event.getDelay().toMillis()))
                .build();
    }
}
