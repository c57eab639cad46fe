package bot.backtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One swept parameter, {@code NAME=VALUES}: a list ({@code 10,20,30}) or an inclusive range with a
 * step ({@code 0.001..0.01:0.001}), in exact decimals (a range never drifts the way doubles do).
 */
public record SweepAxis(String name, List<BigDecimal> values) {
    /** More than this many values on one axis is a typo, not a sweep. */
    static final int MAX_VALUES = 100_000;

    public SweepAxis {
        values = List.copyOf(values);
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public static SweepAxis parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected NAME=VALUES (10,20,30 or 0.001..0.01:0.001), got '" + text + "'");
        }
        String name = text.substring(0, eq).strip();
        String values = text.substring(eq + 1).strip();
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + ": no values");
        }
        return new SweepAxis(name, values.contains("..") ? range(name, values) : list(name, values));
    }

    private static List<BigDecimal> list(String name, String values) {
        List<BigDecimal> list = new ArrayList<>();
        for (String v : values.split(",", -1)) {
            if (v.isBlank()) {
                throw new IllegalArgumentException(name + ": an empty value in '" + values + "'");
            }
            list.add(decimal(name, v));
        }
        return list;
    }

    private static List<BigDecimal> range(String name, String values) {
        int dots = values.indexOf("..");
        int colon = values.indexOf(':', dots);
        if (colon < 0) {
            throw new IllegalArgumentException(name + ": a range needs a step: FROM..TO:STEP, got '" + values + "'");
        }
        BigDecimal from = decimal(name, values.substring(0, dots));
        BigDecimal to = decimal(name, values.substring(dots + 2, colon));
        BigDecimal step = decimal(name, values.substring(colon + 1));
        if (step.signum() <= 0) {
            throw new IllegalArgumentException(name + ": the step must be above 0, got " + step.toPlainString());
        }
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException(name + ": the range " + values + " is empty (TO below FROM)");
        }
        BigDecimal count = to.subtract(from).divideToIntegralValue(step);
        if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) >= 0) {
            throw new IllegalArgumentException(name + ": the range " + values + " has more than " + MAX_VALUES + " values");
        }
        List<BigDecimal> list = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            list.add(v);
        }
        return list;
    }

    private static BigDecimal decimal(String name, String text) {
        try {
            BigDecimal value = new BigDecimal(text.strip());
            if (Math.abs((long) value.scale()) > 100) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text.strip() + "' is not a decimal");
        }
    }

    /** Every combination of the axes' values (the first axis varies slowest), as parameter text. */
    public static List<Map<String, String>> combinations(List<SweepAxis> axes) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (SweepAxis axis : axes) {
            List<Map<String, String>> next = new ArrayList<>(combos.size() * axis.values().size());
            for (Map<String, String> combo : combos) {
                for (BigDecimal v : axis.values()) {
                    Map<String, String> more = new LinkedHashMap<>(combo);
                    more.put(axis.name(), v.toPlainString());
                    next.add(more);
                }
            }
            combos = next;
        }
        return combos;
    }
}
