package bot.store;

import bot.domain.Mode;
import java.time.Instant;

/**
 * Which part of the journal a report covers; a null field does not filter. Round trips count by
 * their close time and fills by their own time, within [since, until).
 */
public record JournalFilter(String strategy, String account, Mode mode, Instant since, Instant until) {
    public static final JournalFilter ALL = new JournalFilter(null, null, null, null, null);

    public JournalFilter {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since " + since + " is not before until " + until);
        }
    }

    /** True when a strategy or an account name narrows the strategies. */
    public boolean byName() {
        return strategy != null || account != null;
    }
}
