package bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeListenerTest {
    private Database db;
    private ChangeListener listener;
    private final LinkedBlockingQueue<String> reactions = new LinkedBlockingQueue<>();

    @BeforeEach
    void open() {
        db = TestDatabase.fresh();
    }

    @AfterEach
    void close() {
        if (listener != null) {
            listener.close();
        }
        db.close();
    }

    private void listen(Duration safetyNet) throws InterruptedException {
        listener = new ChangeListener(db.dataSource(), safetyNet)
                .on(Changes.Topic.STRATEGIES, () -> reactions.add("strategies"))
                .on(Changes.Topic.RISK, () -> reactions.add("risk"));
        listener.start();
        // On connecting, every reaction runs once: anything may have changed before.
        assertEquals("strategies", reactions.poll(10, TimeUnit.SECONDS));
        assertEquals("risk", reactions.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void aCommittedAnnouncementRunsOnlyItsTopicsReactionWithinMilliseconds() throws InterruptedException {
        listen(Duration.ofHours(1));
        long sent = System.nanoTime();
        db.jdbi().useTransaction(h -> Changes.announce(h, Changes.Topic.RISK));
        assertEquals("risk", reactions.poll(1, TimeUnit.SECONDS));
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertTrue(millis < 1000, "took " + millis + " ms");
        assertEquals(null, reactions.poll(300, TimeUnit.MILLISECONDS), "no other reaction ran");
    }

    @Test
    void aRolledBackChangeAnnouncesNothingAndNoticesInOneBatchRunOnce() throws InterruptedException {
        listen(Duration.ofHours(1));
        db.jdbi().useHandle(h -> {
            h.begin();
            Changes.announce(h, Changes.Topic.STRATEGIES);
            h.rollback();
        });
        db.jdbi().useTransaction(h -> {
            Changes.announce(h, Changes.Topic.RISK);
            Changes.announce(h, Changes.Topic.RISK);
        });
        assertEquals("risk", reactions.poll(1, TimeUnit.SECONDS));
        assertEquals(null, reactions.poll(300, TimeUnit.MILLISECONDS), "the rolled-back notice never came, "
                + "and PostgreSQL folds a transaction's equal notices into one");
    }

    @Test
    void aLostConnectionIsReplacedAndEverythingReRead() throws InterruptedException {
        listen(Duration.ofHours(1));
        int terminated = db.jdbi().withHandle(h -> h.createQuery("""
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()""")
                .mapTo(Integer.class).one());
        assertEquals(1, terminated, "the listening connection was found and killed");
        assertEquals("strategies", reactions.poll(10, TimeUnit.SECONDS));
        assertEquals("risk", reactions.poll(10, TimeUnit.SECONDS));
        db.jdbi().useTransaction(h -> Changes.announce(h, Changes.Topic.STRATEGIES));
        assertEquals("strategies", reactions.poll(1, TimeUnit.SECONDS), "listening again after the reconnection");
    }

    @Test
    void theSafetyNetReReadsWithoutAnyNotice() throws InterruptedException {
        listen(Duration.ofMillis(200));
        assertEquals("strategies", reactions.poll(2, TimeUnit.SECONDS));
        assertEquals("risk", reactions.poll(2, TimeUnit.SECONDS));
    }
}
