package bot.web;

import bot.store.DashboardQueries;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the database answers, within a bound: a pool waiting for a dead server would hold a
 * health check for its whole connection timeout. At most one probe is in flight; checks that come
 * while it runs wait on the same one.
 */
final class DatabaseProbe {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final DashboardQueries journal;
    private final AtomicReference<CompletableFuture<Void>> inFlight = new AtomicReference<>();

    DatabaseProbe(DashboardQueries journal) {
        this.journal = journal;
    }

    /** Empty when the database answered; else why not (no detail of the connection: it may name secrets). */
    Optional<String> problem() {
        CompletableFuture<Void> probe = inFlight.updateAndGet(current -> current != null && !current.isDone()
                ? current : CompletableFuture.runAsync(journal::ping, r -> Thread.ofVirtual().name("db-probe").start(r)));
        try {
            probe.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            return Optional.of("database unreachable: no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Optional.of("database unreachable (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("database check interrupted");
        }
    }
}
