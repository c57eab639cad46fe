package bot.store;

import bot.domain.Interval;
import bot.domain.Mode;
import java.time.Instant;
import java.util.SortedMap;

/** A row of {@code strategies} with its account's name; {@code params} by name, values as exact decimal text. */
public record StoredStrategy(long id, String name, long accountId, String account, String kind, String symbol,
                             Interval interval, Mode mode, SortedMap<String, String> params, boolean enabled,
                             Instant createdAt, Instant updatedAt) {
}
