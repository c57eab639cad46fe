package bot.market;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Candle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream's own thread: the WebSocket reader hands updates over and goes on reading, while
 * this thread runs the gap filler (REST calls included) on them one at a time, in arrival order.
 */
final class StreamWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamWorker.class);

    private final KlineStream stream;
    private final GapFiller filler;
    private final ExecutorService thread;
    private volatile Thread runner;

    StreamWorker(KlineStream stream, GapFiller filler) {
        this.stream = stream;
        this.filler = filler;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("feed-" + stream.name()).factory());
    }

    /** From the reader thread: never blocks. */
    void candle(Candle candle) {
        submit(() -> filler.accept(candle));
    }

    /** After a (re)connection. */
    void resync() {
        submit(filler::resync);
    }

    private void submit(Runnable task) {
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
        } catch (RejectedExecutionException e) {
            // closed: nothing more is delivered
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
