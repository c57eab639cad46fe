package bot.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes written as {@code 10MB}, {@code 512KB}, {@code 1GB} or plain bytes, from 1KB to 1TB. */
final class ByteSize {
    private static final Pattern FORM = Pattern.compile("(\\d{1,16})\\s*(B|KB|MB|GB)?");
    static final long MIN = 1024;
    static final long MAX = 1024L * 1024 * 1024 * 1024;

    private ByteSize() {
    }

    static long parse(String text) {
        Matcher m = FORM.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a size like 10MB, 512KB or 1GB");
        }
        long n = Long.parseLong(m.group(1)); // at most 16 digits: fits, and so does n x 1GB below
        String unit = m.group(2) == null ? "B" : m.group(2);
        long unitBytes = switch (unit) {
            case "KB" -> 1024;
            case "MB" -> 1024 * 1024;
            case "GB" -> 1024 * 1024 * 1024;
            default -> 1;
        };
        if (n > MAX / unitBytes) {
            throw new IllegalArgumentException("must be at most 1024GB");
        }
        return n * unitBytes;
    }

    static String problem(String text) {
        try {
            return parse(text) >= MIN ? null : "must be at least 1KB";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
