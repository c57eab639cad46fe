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
        return new StrategyParameters(values);
    }

    private static BigDecimal parse(ParameterSpec spec, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(spec.name(), "'" + text + "' is not a number");
        }
        if (spec.type() == ParameterType.INTEGER) {
            try {
                value = BigDecimal.valueOf(value.intValueExact());
            } catch (ArithmeticException e) {
                throw new InvalidParameterException(spec.name(), "'" + text + "' is not a whole number");
            }
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
