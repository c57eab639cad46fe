package bot.report;

import java.math.BigDecimal;

/** Minimum, maximum and sum where null means "no value yet". */
final class Extremes {

    private Extremes() {
    }

    static <T extends Comparable<T>> T min(T a, T b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }

    static <T extends Comparable<T>> T max(T a, T b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    static BigDecimal sum(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.add(b);
    }
}
