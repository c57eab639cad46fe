package bot.web;

import bot.store.DashboardQueries;
import bot.store.DashboardQueries.Latest;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the journal's newest ids a few times a second (three index lookups) and tells the
 * dashboards' event streams when orders, fills or round trips were added. Reading the database,
 * not hooking the trading path, it sees every instance that writes to the journal.
 */
final class JournalPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JournalPoller.class);
    static final Duration PERIOD = Duration.ofMillis(250);
    private final DashboardQueries journal;
    private final LongConsumer roundTrips;
    private final LongSupplier kpiVersion;
    private final Set<BlockingQueue<String>> listeners = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile Latest latest = new Latest(0, 0, 0);
    private volatile boolean closed;

    /** @param roundTrips told the newest round trip id after each look (the KPI cache refreshes on it) */
    JournalPoller(DashboardQueries journal, LongConsumer roundTrips, LongSupplier kpiVersion) {
        this.journal = journal;
        this.roundTrips = roundTrips;
        this.kpiVersion = kpiVersion;
        this.thread = Thread.ofVirtual().name("journal-poller").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    Latest latest() {
        return latest;
    }

    void listen(BlockingQueue<String> queue) {
        listeners.add(queue);
    }

    void forget(BlockingQueue<String> queue) {
        listeners.remove(queue);
    }

    int listeners() {
        return listeners.size();
    }

    /** The event that tells pages what the journal (and the KPIs computed from it) are at. */
    String event() {
        Latest now = latest;
        return "{\"order\":" + now.order() + ",\"fill\":" + now.fill() + ",\"roundTrip\":" + now.roundTrip()
                + ",\"kpis\":" + kpiVersion.getAsLong() + "}";
    }

    private void run() {
        boolean failing = false;
        String told = "";
        while (!closed) {
            try {
                latest = journal.latest();
                // KPIs are computed after the round trip that changed them: pages hear of both
                String event = event();
                if (!event.equals(told)) {
                    told = event;
                    listeners.forEach(queue -> queue.offer(event));
                }
                Latest now = latest;
                roundTrips.accept(now.roundTrip());
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("the dashboard cannot read the journal: {}", e.getClass().getSimpleName());
                    failing = true;
                }
            }
            try {
                Thread.sleep(PERIOD);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
