package bot.engine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * One listener's place on a stream of a {@link MarketFeed}: ready once its warm-up history has been
 * delivered, or failed for good (the stream cannot be had: an unknown symbol, the feed closed).
 */
public final class Subscription {
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Runnable cancel;

    /** A subscription the feed completes later; {@code cancel} stops deliveries to its listener. */
    public Subscription(Runnable cancel) {
        this.cancel = cancel;
    }

    /** One whose history was delivered already (a feed that replays on the caller's thread). */
    public static Subscription delivered() {
        Subscription subscription = new Subscription(() -> { });
        subscription.ready();
        return subscription;
    }

    /** For the feed: the listener has its history and gets the live candles from now on. */
    public void ready() {
        ready.complete(null);
    }

    /** For the feed: the stream cannot be had; the listener gets nothing more. */
    public void fail(String reason) {
        ready.completeExceptionally(new StreamUnavailableException(reason));
    }

    /** Waits until the listener has its history. */
    public void await() throws StreamUnavailableException, InterruptedException {
        try {
            ready.get();
        } catch (ExecutionException e) {
            throw (StreamUnavailableException) e.getCause();
        } catch (CancellationException e) {
            throw new StreamUnavailableException("subscription cancelled");
        }
    }

    public boolean isDone() {
        return ready.isDone();
    }

    /** Runs {@code action} with the reason if the subscription fails (at once when it has failed already). */
    public void onFailure(Consumer<String> action) {
        ready.whenComplete((ok, failure) -> {
            if (failure != null) {
                action.accept(failure.getMessage());
            }
        });
    }

    /** No more candles for this listener; a subscription still waiting for its warm-up fails. */
    public void cancel() {
        ready.completeExceptionally(new StreamUnavailableException("subscription cancelled"));
        cancel.run();
    }
}
