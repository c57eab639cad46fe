package bot.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the journal or the exchange's rules again after an infrastructure error (a database
 * timeout, exchangeInfo answering 5xx), with capped, jittered waits. Such an error never fails a
 * strategy: only its strategy code can.
 */
final class InfrastructureRetry {
    private static final Logger log = LoggerFactory.getLogger(InfrastructureRetry.class);
    /**
     * Failures in a row after which an operator must hear of it (about three minutes of waits): an
     * outage that long, or an error that is no outage at all (a constraint, a schema out of step).
     */
    static final int ERROR_AFTER = 10;

    private final RetryBackoff backoff;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    InfrastructureRetry(RetryBackoff backoff, Sleeper sleeper, RandomGenerator random) {
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** {@code call}'s result once it succeeds (never null); empty when {@code giveUp} says so after a failure. */
    <T> Optional<T> until(String what, Supplier<T> call, BooleanSupplier giveUp) throws InterruptedException {
        for (int failures = 0; ; failures++) {
            try {
                T result = call.get();
                if (failures >= ERROR_AFTER) {
                    log.atError().addKeyValue("failures", failures).log("could {} again; the strategy goes on", what);
                }
                return Optional.of(result);
            } catch (RuntimeException e) {
                if (Thread.interrupted()) {
                    // the daemon is stopping (a JDBC call cut short by it fails like an outage would)
                    throw new InterruptedException("interrupted while trying to " + what);
                }
                if (giveUp.getAsBoolean()) {
                    log.atWarn().addKeyValue("failures", failures + 1).addKeyValue("error", String.valueOf(e))
                            .log("could not {}; given up", what);
                    return Optional.empty();
                }
                Duration wait = backoff.wait(failures, random);
                if (failures + 1 == ERROR_AFTER) {
                    log.atError().addKeyValue("failures", failures + 1).addKeyValue("error", String.valueOf(e))
                            .log("still cannot {}: this strategy does nothing else until it can", what);
                }
                log.atWarn().addKeyValue("failures", failures + 1).addKeyValue("waitMs", wait.toMillis())
                        .addKeyValue("error", String.valueOf(e)).log("could not {}; trying again", what);
                sleeper.sleep(wait);
            }
        }
    }

    /** {@code call}'s result, trying until it succeeds. */
    <T> T always(String what, Supplier<T> call) throws InterruptedException {
        return until(what, call, () -> false).orElseThrow();
    }

    /** Runs {@code call} until it succeeds. */
    void run(String what, Runnable call) throws InterruptedException {
        always(what, () -> {
            call.run();
            return Boolean.TRUE;
        });
    }
}
