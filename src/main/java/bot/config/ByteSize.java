package bot.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes written as {@code 10MB}, {@code 512KB}, {@code 1GB} or plain bytes. */
final class ByteSize {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?");

    private ByteSize() {
    }

    static long parse(String text) {
        Matcher m = FORM.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a size like 10MB, 512KB or 1GB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        return switch (unit) {
            case "KB" -> n * 1024;
            case "MB" -> n * 1024 * 1024;
            case "GB" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }

    static String problem(String text) {
        try {
            return parse(text) >= 1024 ? null : "must be at least 1KB";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
