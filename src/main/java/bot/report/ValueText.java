package bot.report;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

/** How the machine formats (JSON, CSV) spell a value: decimals plain, times and durations ISO-8601. */
final class ValueText {

    private ValueText() {
    }

    /** The text of a value, or null for n/a; numbers without trailing zeros. */
    static String of(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> decimal(d);
            case Map<?, ?> m -> m.entrySet().stream()
                    .map(e -> e.getKey() + "=" + of(e.getValue()))
                    .collect(Collectors.joining(" "));
            default -> value.toString();
        };
    }

    static String decimal(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
