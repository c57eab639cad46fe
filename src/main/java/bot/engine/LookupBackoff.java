package bot.engine;

import java.time.Duration;
import java.util.List;

/**
 * The waits before the first lookups of an order whose outcome is unknown. When they are used up the
 * strategy is halted (logged at ERROR: an order must never stay in doubt silently) and the lookups go
 * on with {@link RetryBackoff#RESOLUTION} until the exchange tells.
 */
public record LookupBackoff(List<Duration> waits) {
    public static final LookupBackoff DEFAULT = new LookupBackoff(List.of(Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15),
            Duration.ofSeconds(30)));

    public LookupBackoff {
        waits = List.copyOf(waits);
    }

    /** How long the lookups of one order go on before it is given up as unknown. */
    public Duration total() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
