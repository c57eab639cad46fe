package bot.cli;

import java.time.Duration;

/** One line of progress for a terminal: a bar, the share done, the count, the rate and the time left. */
final class ProgressBar {
    private static final int WIDTH = 24;

    private ProgressBar() {
    }

    /** E.g. {@code [############............]  50%  5,000/10,000 candles  2,500/s  2s left}. */
    static String line(long done, long total, Duration elapsed, String unit) {
        double share = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(share * WIDTH);
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String left = rate > 0 ? duration(Math.round((total - done) / rate)) + " left" : "";
        return String.format("[%s%s] %3d%%  %,d/%,d %s  %,.0f/s  %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                (int) Math.floor(share * 100), done, total, unit, rate, left).stripTrailing();
    }

    /** 45s, 3m 05s, 2h 10m. */
    static String duration(long seconds) {
        long s = Math.max(0, seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm %02ds", s / 60, s % 60);
        }
        return String.format("%dh %02dm", s / 3600, s / 60 % 60);
    }
}
