package bot.market;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Candle;
import bot.engine.CandleListener;
import bot.engine.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream's own thread. Listeners join it at any time: the first ones warm the stream up over
 * REST, later ones get their history up to the last candle the stream delivered, so each listener
 * sees its history and then every later closed candle once, in order. A warm-up that fails for a
 * passing reason (network, 5xx, 429) is tried again with backoff, for as long as it takes; one the
 * exchange refuses (an unknown symbol) fails the waiting subscriptions. The WebSocket reader only
 * hands updates over: this thread runs the gap filler (REST calls included) on them in arrival order.
 */
final class StreamWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamWorker.class);

    /** What a worker needs of its feed. */
    record Context(KlinesClient klines, CandleHistory history, FullJitterBackoff backoff, OutageLog outage,
                   ScheduledExecutorService scheduler, Semaphore restPermits, AtomicBoolean feedClosed,
                   Consumer<KlineStream> live) {
    }

    /** A listener waiting for its history. */
    private record Joiner(CandleListener listener, int warmupCandles, Subscription subscription) {
    }

    private final KlineStream stream;
    private final Context context;
    private final ListenerGroup listeners;
    private final ExecutorService thread;
    private volatile Thread runner;
    // The worker thread's own.
    private final List<Joiner> joining = new ArrayList<>();
    private GapFiller filler;
    private int failedAttempts;
    private boolean attached;
    private boolean retryScheduled;

    StreamWorker(KlineStream stream, Context context) {
        this.stream = stream;
        this.context = context;
        this.listeners = new ListenerGroup(stream, context.feedClosed());
        this.thread = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("feed-" + stream.name()).factory());
    }

    /** From any thread: the listener gets its history, then the stream, unless its subscription is cancelled first. */
    void join(CandleListener listener, int warmupCandles, Subscription subscription) {
        if (!submit(() -> {
            joining.add(new Joiner(listener, warmupCandles, subscription));
            if (!retryScheduled) {
                admit();
            }
        })) {
            subscription.fail("the market feed is closed");
        }
    }

    /** From any thread: no more candles for this listener. */
    void leave(CandleListener listener) {
        submit(() -> {
            joining.removeIf(j -> j.listener() == listener);
            listeners.leave(listener);
        });
    }

    /** From the reader thread: never blocks. */
    void candle(Candle candle) {
        submit(() -> {
            if (filler != null) {
                filler.accept(candle);
            }
        });
    }

    /** After a (re)connection: whatever closed while none listened. */
    void resync() {
        submit(() -> {
            if (filler != null) {
                filler.resync();
            }
        });
    }

    /** Gives the waiting listeners their history, warming the stream up first if it is new. */
    private void admit() {
        retryScheduled = false;
        List<Joiner> batch = new ArrayList<>(joining);
        if (batch.isEmpty()) {
            return;
        }
        List<Candle> history;
        try {
            history = filler == null ? warmUp(batch) : historyUpToLastDelivered(batch);
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || context.feedClosed().get()) {
                return;
            }
            refused(batch, e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (history == null) {
            return; // a later attempt is scheduled
        }
        failedAttempts = 0;
        joining.removeAll(batch);
        for (Joiner joiner : batch) {
            List<Candle> own = history.subList(Math.max(0, history.size() - joiner.warmupCandles()), history.size());
            listeners.join(joiner.listener(), own);
            joiner.subscription().ready();
        }
        if (!attached) {
            attached = true;
            context.live().accept(stream); // now the stream joins a connection
        }
    }

    /** The first warm-up: at least one candle, even when none is asked for (it anchors the gap filler). */
    private List<Candle> warmUp(List<Joiner> batch) throws IOException, InterruptedException {
        List<Candle> history = fetch(() -> context.klines().latestClosed(stream, Math.max(1, mostWanted(batch))));
        if (history != null) {
            long last = history.isEmpty() ? GapFiller.NONE : history.get(history.size() - 1).openTime();
            filler = new GapFiller(stream, context.history(), listeners, last);
            log.info("warmed up with {} closed candles", history.size(), kv("symbol", stream.symbol()),
                    kv("interval", stream.interval().code()));
        }
        return history;
    }

    /** A later listener's history: the closed candles up to the last one the stream delivered, no further. */
    private List<Candle> historyUpToLastDelivered(List<Joiner> batch) throws IOException, InterruptedException {
        int wanted = mostWanted(batch);
        long last = filler.lastDelivered();
        if (wanted == 0 || last == GapFiller.NONE) {
            return List.of();
        }
        long from = last;
        for (int i = 1; i < wanted; i++) {
            from = stream.interval().previous(from);
        }
        long start = from;
        return fetch(() -> context.klines().closedCandles(stream, start, last, Long.MAX_VALUE));
    }

    private static int mostWanted(List<Joiner> batch) {
        return batch.stream().mapToInt(Joiner::warmupCandles).max().orElse(0);
    }

    private interface Fetch {
        List<Candle> get() throws IOException;
    }

    /** One REST attempt: the candles, or null when it failed for a passing reason and a retry is scheduled. */
    private List<Candle> fetch(Fetch fetch) throws IOException, InterruptedException {
        context.restPermits().acquire();
        try {
            List<Candle> candles = fetch.get();
            context.outage().succeeded();
            return candles;
        } catch (IOException e) {
            if (!RestRetries.transientFailure(e) || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            context.outage().failed("warm-up of " + stream, e);
            Duration delay = RestRetries.delay(context.backoff(), failedAttempts++, e);
            retryScheduled = true;
            try {
                context.scheduler().schedule(() -> submit(this::admit), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                // the feed is closing
            }
            return null;
        } finally {
            context.restPermits().release();
        }
    }

    /** The exchange refused the warm-up for good: the waiting subscriptions fail, the stream's live listeners go on. */
    private void refused(List<Joiner> batch, Exception e) {
        String reason = "warm-up of " + stream + " failed: " + OutageLog.describe(e);
        log.warn(reason, kv("symbol", stream.symbol()), kv("interval", stream.interval().code()));
        joining.removeAll(batch);
        batch.forEach(joiner -> joiner.subscription().fail(reason));
    }

    private boolean submit(Runnable task) {
        try {
            thread.execute(() -> {
                runner = Thread.currentThread();
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("stream worker failed", kv("symbol", stream.symbol()),
                            kv("interval", stream.interval().code()), e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false; // closed: nothing more is delivered
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        if (Thread.currentThread() == runner) {
            return; // closed from a listener on this very thread: it stops once that call returns
        }
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("stream worker did not stop in 10 s", kv("symbol", stream.symbol()),
                        kv("interval", stream.interval().code()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
