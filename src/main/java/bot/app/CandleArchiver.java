package bot.app;

import bot.domain.Candle;
import bot.domain.Network;
import bot.engine.CandleArchive;
import bot.engine.CandleListener;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores every closed candle the feed delivers (warm-up history included) without making the
 * feed wait: candles are queued and written in batches by one background thread. A batch waits
 * up to {@link #LINGER_MS} for the rest of a burst: every stream's candle closes at the same
 * moment, and one insert of a thousand rows costs far less than a hundred inserts of ten
 * (measured: the archive took half the daemon's CPU with 1,000 1s streams when it did not wait).
 * Each network's feed subscribes its own {@link #listener(Network)}, so testnet candles are stored
 * as the testnet's.
 */
public final class CandleArchiver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CandleArchiver.class);
    private static final int BATCH = 5000;
    private static final long LINGER_MS = 100;

    private final CandleArchive archive;
    private final LinkedBlockingQueue<Archived> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closing;

    public CandleArchiver(CandleArchive archive) {
        this.archive = archive;
        this.writer = Thread.ofVirtual().name("candle-archiver").start(this::drain);
    }

    /** A closed candle and the network it was streamed from. */
    private record Archived(Network network, Candle candle) {
    }

    /** What a feed of {@code network} subscribes: it stores the candles it is given as that network's. */
    public CandleListener listener(Network network) {
        return new CandleListener() {
            @Override
            public void onHistory(List<Candle> closedCandles) {
                for (Candle candle : closedCandles) {
                    queue.add(new Archived(network, candle));
                }
            }

            @Override
            public void onClosed(Candle closed) {
                queue.add(new Archived(network, closed));
            }
        };
    }

    private void drain() {
        List<Archived> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Archived first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                save(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("could not store {} candles: {}", batch.size(), e.getMessage());
            }
            batch.clear();
        }
    }

    /** Waits out the linger time (sleeping: no wake-up per arriving candle), then takes what came, up to {@link #BATCH}. */
    private void gather(List<Archived> batch) throws InterruptedException {
        if (!closing) {
            Thread.sleep(LINGER_MS);
        }
        queue.drainTo(batch, BATCH - batch.size());
    }

    /** One save per network in the batch (almost always one: a daemon rarely trades both). */
    private void save(List<Archived> batch) {
        Map<Network, List<Candle>> byNetwork = new EnumMap<>(Network.class);
        for (Archived archived : batch) {
            byNetwork.computeIfAbsent(archived.network(), n -> new ArrayList<>()).add(archived.candle());
        }
        byNetwork.forEach(archive::save);
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
