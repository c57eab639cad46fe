package bot.strategy;

import java.math.BigDecimal;

/**
 * One parameter a kind accepts. {@code defaultValue} null means required unless {@code optional}
 * (then absent means "none", e.g. no stop loss). Bounds are inclusive unless marked exclusive; a
 * null bound is open.
 */
public record ParameterSpec(
        String name,
        ParameterType type,
        BigDecimal defaultValue,
        boolean optional,
        BigDecimal min,
        boolean minExclusive,
        BigDecimal max,
        String description) {

    public static ParameterSpec required(String name, ParameterType type, BigDecimal min, boolean minExclusive,
                                         String description) {
        return new ParameterSpec(name, type, null, false, min, minExclusive, null, description);
    }

    public static ParameterSpec withDefault(String name, ParameterType type, String defaultValue, BigDecimal min,
                                            boolean minExclusive, BigDecimal max, String description) {
        return new ParameterSpec(name, type, new BigDecimal(defaultValue), false, min, minExclusive, max, description);
    }

    public static ParameterSpec optional(String name, ParameterType type, BigDecimal min, boolean minExclusive,
                                         BigDecimal max, String description) {
        return new ParameterSpec(name, type, null, true, min, minExclusive, max, description);
    }

    /** The same parameter with another default (a kind may override a common default). */
    public ParameterSpec withDefaultValue(String value) {
        return new ParameterSpec(name, type, new BigDecimal(value), false, min, minExclusive, max, description);
    }

    public boolean isRequired() {
        return defaultValue == null && !optional;
    }
}
