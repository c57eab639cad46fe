package bot.app;

import bot.domain.Candle;
import bot.engine.CandleArchive;
import bot.engine.CandleListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores every closed candle the feed delivers (warm-up history included) without making the
 * feed wait: candles are queued and written in batches by one background thread.
 */
public final class CandleArchiver implements CandleListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CandleArchiver.class);
    private static final int BATCH = 5000;

    private final CandleArchive archive;
    private final LinkedBlockingQueue<Candle> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closing;

    public CandleArchiver(CandleArchive archive) {
        this.archive = archive;
        this.writer = Thread.ofVirtual().name("candle-archiver").start(this::drain);
    }

    @Override
    public void onHistory(List<Candle> closedCandles) {
        queue.addAll(closedCandles);
    }

    @Override
    public void onClosed(Candle closed) {
        queue.add(closed);
    }

    private void drain() {
        List<Candle> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Candle first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                archive.save(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("could not store {} candles: {}", batch.size(), e.getMessage());
            }
            batch.clear();
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
