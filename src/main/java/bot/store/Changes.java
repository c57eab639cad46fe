package bot.store;

import org.jdbi.v3.core.Handle;

/**
 * Tells every running daemon that something it reads from the database has changed, through
 * PostgreSQL's NOTIFY on one channel. Announced inside the writing transaction, the notice is
 * delivered only when that transaction commits, so a listener never re-reads before the change is
 * visible, and a rolled-back change announces nothing.
 */
public final class Changes {
    /** The one channel every daemon listens on. */
    public static final String CHANNEL = "bot_changes";

    /** What changed: a daemon re-reads only what a topic names. */
    public enum Topic {
        /** Strategies added, enabled, disabled or edited. */
        STRATEGIES,
        /** Risk limits set or cleared; halts and resumes. */
        RISK;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Topic ofCode(String code) {
            for (Topic topic : values()) {
                if (topic.code().equals(code)) {
                    return topic;
                }
            }
            return null;
        }
    }

    private Changes() {
    }

    /** Announces {@code topic}; call it in the transaction that writes the change. */
    public static void announce(Handle handle, Topic topic) {
        handle.createQuery("select pg_notify(:channel, :topic)")
                .bind("channel", CHANNEL)
                .bind("topic", topic.code())
                .mapTo(String.class)
                .findOne();
    }
}
