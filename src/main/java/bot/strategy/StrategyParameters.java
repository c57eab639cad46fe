package bot.strategy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Validated parameter values of one strategy, defaults filled in; absent optional ones are missing. */
public final class StrategyParameters {
    private final Map<String, BigDecimal> values;

    StrategyParameters(Map<String, BigDecimal> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public BigDecimal decimal(String name) {
        BigDecimal value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("no value for parameter " + name);
        }
        return value;
    }

    public int integer(String name) {
        return decimal(name).intValueExact();
    }

    public Optional<BigDecimal> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Every value, by name; what is stored as the strategy's parameters. */
    public Map<String, BigDecimal> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
