package bot.web;

import java.util.Locale;

/**
 * A denial's reason as a metric label of few values: the CODE of "CODE: detail" (an exchange
 * filter, a risk limit), or a word for the checks whose reasons are sentences.
 */
final class DenialCode {
    private DenialCode() {
    }

    static String of(String reason) {
        if (reason == null) {
            return "other";
        }
        int colon = reason.indexOf(':');
        if (colon > 0 && reason.substring(0, colon).matches("[A-Z][A-Z0-9_]{0,39}")) {
            return reason.substring(0, colon);
        }
        String text = reason.toLowerCase(Locale.ROOT);
        if (text.startsWith("already holding")) {
            return "POSITION_OPEN";
        }
        if (text.startsWith("no position")) {
            return "NO_POSITION";
        }
        if (text.startsWith("quote amount")) {
            return "INVALID_AMOUNT";
        }
        return "other";
    }
}
