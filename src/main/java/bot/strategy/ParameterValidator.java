package bot.strategy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns raw parameter values (decimal text, as given in JSON) into {@link StrategyParameters}
 * against a kind's declared specs: unknown, missing, malformed and out-of-range values are refused.
 */
public final class ParameterValidator {

    /** Digits before the point a value may have (a quote amount of 10^15 is already absurd). */
    static final int MAX_INTEGER_DIGITS = 15;
    /** Decimals a value may have: the precision of the domain's arithmetic (Money.PRICE_CONTEXT). */
    static final int MAX_DECIMALS = 34;

    private ParameterValidator() {
    }

    public static StrategyParameters validate(List<ParameterSpec> specs, Map<String, String> raw) {
        Map<String, ParameterSpec> byName = new HashMap<>();
        specs.forEach(spec -> byName.put(spec.name(), spec));
        for (String name : new TreeSet<>(raw.keySet())) {
            if (!byName.containsKey(name)) {
                throw new InvalidParameterException(name, "unknown parameter, expected one of "
                        + String.join(", ", new TreeSet<>(byName.keySet())));
            }
        }
        Map<String, BigDecimal> values = new HashMap<>();
        for (ParameterSpec spec : specs) {
            String text = raw.get(spec.name());
            if (text == null) {
                if (spec.isRequired()) {
                    throw new InvalidParameterException(spec.name(), "missing, it is required");
                }
                if (spec.defaultValue() != null) {
                    values.put(spec.name(), spec.defaultValue());
                }
                continue;
            }
            values.put(spec.name(), parse(spec, text));
        }
        BigDecimal min = values.get(CommonParameters.MIN_PRICE);
        BigDecimal max = values.get(CommonParameters.MAX_PRICE);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new InvalidParameterException(CommonParameters.MAX_PRICE, max.toPlainString()
                    + " is below min_price " + min.toPlainString());
        }
        return new StrategyParameters(values);
    }

    private static BigDecimal parse(ParameterSpec spec, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(spec.name(), "'" + text + "' is not a number");
        }
        // Bounds on size before any arithmetic: 1e999999999 is a valid BigDecimal that would exhaust memory.
        // In long: precision - scale overflows an int for 1E+2147483647.
        if (value.signum() != 0 && (long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidParameterException(spec.name(), "'" + text + "' is too large");
        }
        if (value.scale() > MAX_DECIMALS && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new InvalidParameterException(spec.name(), "'" + text + "' has more than " + MAX_DECIMALS
                    + " decimals");
        }
        value = value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value;
        if (spec.type() == ParameterType.INTEGER) {
            if (value.stripTrailingZeros().scale() > 0) {
                throw new InvalidParameterException(spec.name(), "'" + text + "' is not a whole number");
            }
            if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new InvalidParameterException(spec.name(), "'" + text + "' is too large");
            }
            value = value.setScale(0);
        }
        if (spec.min() != null) {
            int cmp = value.compareTo(spec.min());
            if (cmp < 0 || (cmp == 0 && spec.minExclusive())) {
                throw new InvalidParameterException(spec.name(), text + " is out of range, it must be "
                        + (spec.minExclusive() ? "> " : ">= ") + spec.min().toPlainString());
            }
        }
        if (spec.max() != null && value.compareTo(spec.max()) > 0) {
            throw new InvalidParameterException(spec.name(), text + " is out of range, it must be <= "
                    + spec.max().toPlainString());
        }
        return value;
    }
}
