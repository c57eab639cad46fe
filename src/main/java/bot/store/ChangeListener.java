package bot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a daemon's reactions to {@link Changes}: it holds one connection that LISTENs on the channel
 * and runs a topic's reactions once per batch of notices for it, so a change made by any command, on
 * any host, reaches the daemon within milliseconds. Notices are lost while the connection is down
 * and could in principle be missed, so every reaction also runs after each (re)connection and every
 * {@code safetyNet} as a periodic re-read: a reaction must be an idempotent "re-read and apply".
 * Reactions run one at a time on the listener's own thread; they must not block for long.
 */
public final class ChangeListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    /** How long one wait for notices lasts: bounds how late close() is noticed. */
    private static final int POLL_MILLIS = 250;
    private static final Duration MAX_RECONNECT_WAIT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final Duration safetyNet;
    private final Map<Changes.Topic, List<Runnable>> reactions = new EnumMap<>(Changes.Topic.class);
    private volatile boolean running;
    private Thread thread;

    public ChangeListener(DataSource dataSource, Duration safetyNet) {
        this.dataSource = dataSource;
        this.safetyNet = safetyNet;
    }

    /** Registers {@code reaction} for {@code topic}; call before {@link #start()}. */
    public ChangeListener on(Changes.Topic topic, Runnable reaction) {
        if (thread != null) {
            throw new IllegalStateException("reactions are registered before start");
        }
        reactions.computeIfAbsent(topic, t -> new ArrayList<>()).add(reaction);
        return this;
    }

    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("db-changes").start(this::listen);
    }

    private void listen() {
        Duration wait = Duration.ofSeconds(1);
        boolean failing = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + Changes.CHANNEL);
                }
                if (failing) {
                    log.info("listening for changes again");
                    failing = false;
                }
                wait = Duration.ofSeconds(1);
                // Anything may have changed while nobody listened.
                react(EnumSet.allOf(Changes.Topic.class));
                receive(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    log.warn("cannot listen for changes, retrying (halts, limits and strategy changes wait): {}",
                            e.getMessage());
                    failing = true;
                }
                if (!pause(wait)) {
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(MAX_RECONNECT_WAIT) > 0 ? MAX_RECONNECT_WAIT : wait.multipliedBy(2);
            }
        }
    }

    private void receive(PGConnection connection) throws SQLException {
        long nextSweep = System.nanoTime() + safetyNet.toNanos();
        while (running) {
            long untilSweep = Math.max(1, (nextSweep - System.nanoTime()) / 1_000_000);
            PGNotification[] notices = connection.getNotifications((int) Math.min(POLL_MILLIS, untilSweep));
            if (notices != null && notices.length > 0) {
                Set<Changes.Topic> topics = EnumSet.noneOf(Changes.Topic.class);
                for (PGNotification notice : notices) {
                    Changes.Topic topic = Changes.Topic.ofCode(notice.getParameter());
                    if (topic != null) {
                        topics.add(topic);
                    }
                }
                react(topics);
            }
            if (System.nanoTime() - nextSweep >= 0) {
                react(EnumSet.allOf(Changes.Topic.class));
                nextSweep = System.nanoTime() + safetyNet.toNanos();
            }
        }
    }

    private void react(Set<Changes.Topic> topics) {
        for (Changes.Topic topic : topics) {
            for (Runnable reaction : reactions.getOrDefault(topic, List.of())) {
                try {
                    reaction.run();
                } catch (RuntimeException e) {
                    log.warn("reaction to a {} change failed; the next notice or re-read tries again: {}",
                            topic.code(), e.toString());
                }
            }
        }
    }

    private boolean pause(Duration wait) {
        try {
            Thread.sleep(wait);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops listening within a quarter of a second. */
    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
