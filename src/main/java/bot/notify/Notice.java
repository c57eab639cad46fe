package bot.notify;

import java.time.Instant;
import java.util.Map;

/**
 * Something an operator should hear of: a fill, a halt, a limit tripped, a strategy failed or
 * refused, the daemon started or stopped, the day's summary. {@code text} is the one line a person
 * reads; {@code fields} the same facts for a script. Nothing secret goes in either.
 *
 * @param strategy the strategy it is about; null for the daemon as a whole
 */
public record Notice(Kind kind, String strategy, String text, Map<String, Object> fields, Instant time) {

    public enum Kind {
        FILL, HALTED, LIMIT_TRIPPED, FAILED, REFUSED,
        /** A strategy running again after it was halted or refused. */
        RESUMED,
        DAEMON_STARTED, DAEMON_STOPPED, DAILY_SUMMARY
    }

    public Notice {
        // a copy that keeps the order and null values (a field not known is sent as JSON null)
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
