package bot.bench;

/**
 * One measured figure for the summary table: what was measured, the value with its unit, the
 * target (empty when there is none) and whether the value meets it (null: nothing to judge).
 */
public record Figure(String name, String value, String target, Boolean met) {

    /** A figure with no target, printed for context. */
    static Figure info(String name, String value) {
        return new Figure(name, value, "", null);
    }

    /** A figure that must be at most {@code limit}. */
    static Figure atMost(String name, double value, double limit, String unit, String format) {
        return new Figure(name, String.format(format, value) + " " + unit,
                "<= " + String.format(format, limit) + " " + unit, value <= limit);
    }

    /** A figure that must be at least {@code limit}. */
    static Figure atLeast(String name, double value, double limit, String unit, String format) {
        return new Figure(name, String.format(format, value) + " " + unit,
                ">= " + String.format(format, limit) + " " + unit, value >= limit);
    }

    String verdict() {
        return met == null ? "" : met ? "yes" : "NO";
    }
}
