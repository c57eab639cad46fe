package bot.app;

import java.util.regex.Pattern;

/**
 * The form of account and strategy names: they become parts of client order ids and file names,
 * so only letters, digits, '_' and '-' are allowed, 1 to 64 of them.
 */
public final class NameRule {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private NameRule() {
    }

    /** @throws InputException naming {@code field} when {@code name} has another form */
    public static String check(String field, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InputException(field + ": '" + (name == null ? "" : printable(name))
                    + "' is not a valid name: use 1 to 64 letters, digits, '_' or '-'");
        }
        return name;
    }

    /** Control characters shown as '?', so an error line stays one line. */
    static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
