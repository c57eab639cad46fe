package bot.cli;

import bot.app.InputException;
import bot.domain.Interval;
import java.time.Instant;
import java.util.regex.Pattern;

/** Checks of the options the candle commands share: a symbol as Binance spells it, an interval code. */
final class CandleOptions {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,30}");

    private CandleOptions() {
    }

    static String symbol(String text) {
        if (!SYMBOL.matcher(text).matches()) {
            throw new InputException("--symbol: '" + text + "' is not a Binance symbol (upper-case letters and digits,"
                    + " e.g. BTCUSDT)");
        }
        return text;
    }

    static Interval interval(String text) {
        try {
            return Interval.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException("--interval: " + e.getMessage());
        }
    }

    /** An open time as people read it: ISO-8601 UTC to the minute (to the second for 1s candles). */
    static String time(long epochMillis) {
        String text = Instant.ofEpochMilli(epochMillis).toString();
        return text.endsWith(":00Z") ? text.substring(0, text.length() - 4) + "Z" : text;
    }
}
