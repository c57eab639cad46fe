package bot.store;

import bot.domain.Interval;
import bot.domain.Mode;
import java.util.Map;

/** A strategy to insert; {@code params} are the validated values as text, defaults filled in. */
public record NewStrategy(String name, long accountId, String kind, String symbol, Interval interval, Mode mode,
                          Map<String, String> params, boolean enabled) {
}
