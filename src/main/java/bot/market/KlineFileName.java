package bot.market;

import bot.domain.Interval;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a Binance public kline file: {@code SYMBOL-INTERVAL-YYYY-MM.zip} (monthly) or
 * {@code SYMBOL-INTERVAL-YYYY-MM-DD.zip} (daily), or the {@code .csv} inside.
 */
public record KlineFileName(String symbol, Interval interval) {
    private static final Pattern NAME = Pattern.compile(
            "([A-Z0-9]{2,30})-([0-9]{1,2}[smhdwM])-[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?\\.(?:zip|csv)");

    /**
     * The symbol and interval the name says; empty when it is not such a name.
     *
     * @throws IllegalArgumentException when the name has the form but its interval is not Binance's
     */
    public static Optional<KlineFileName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new KlineFileName(m.group(1), Interval.parse(m.group(2))));
    }

    /** Whether the file is read as a zip archive (else as the CSV itself). */
    public static boolean zipped(String fileName) {
        return fileName.endsWith(".zip");
    }
}
