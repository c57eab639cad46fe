package bot.report;

/**
 * Draws a series as one line of Unicode block characters, lowest value ▁ to highest █. A long
 * series is sampled at the end of each of {@code width} equal slices, so the last point is the
 * last value.
 */
final class Sparkline {
    private static final char[] BARS = "▁▂▃▄▅▆▇█".toCharArray();

    private Sparkline() {
    }

    static String of(double[] values, int width) {
        if (values.length == 0) {
            return "";
        }
        int n = Math.min(width, values.length);
        double[] sampled = new double[n];
        for (int i = 0; i < n; i++) {
            sampled[i] = values[(int) (((long) (i + 1) * values.length) / n) - 1];
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : sampled) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        StringBuilder line = new StringBuilder(n);
        for (double v : sampled) {
            int level = max == min ? BARS.length / 2 - 1 : (int) Math.round((v - min) / (max - min) * (BARS.length - 1));
            line.append(BARS[level]);
        }
        return line.toString();
    }
}
