package bot.risk;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The keys of {@code bot limits set}, each with the check of its value and the scopes it applies to. */
public enum LimitKey {
    MAX_DRAWDOWN(false),
    DAILY_LOSS(false),
    MAX_LOSSES_IN_ROW(false),
    COOLDOWN(false),
    MAX_OPEN_POSITIONS(true),
    MAX_EXPOSURE(true),
    ON_TRIP(false);

    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,8})([smhd])");
    private static final Pattern AMOUNT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([A-Z][A-Z0-9]{1,15})?");

    private final boolean accountOnly;

    LimitKey(boolean accountOnly) {
        this.accountOnly = accountOnly;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Only on an account: a strategy holds one position at most, so these mean nothing on one. */
    public boolean accountOnly() {
        return accountOnly;
    }

    public static LimitKey ofCode(String code) {
        for (LimitKey key : values()) {
            if (key.code().equals(code)) {
                return key;
            }
        }
        throw new IllegalArgumentException("unknown key '" + code + "' (known: "
                + Arrays.stream(values()).map(LimitKey::code).collect(Collectors.joining(", ")) + ")");
    }

    /** The value checked and written as it is stored; {@link IllegalArgumentException} naming what is wrong. */
    public String canonical(String value) {
        String v = value.trim();
        return switch (this) {
            case MAX_DRAWDOWN, DAILY_LOSS -> Threshold.parse(v).text();
            case MAX_LOSSES_IN_ROW, MAX_OPEN_POSITIONS -> Integer.toString(positiveInt(v));
            case COOLDOWN -> {
                duration(v);
                yield v;
            }
            case MAX_EXPOSURE -> {
                Matcher m = AMOUNT.matcher(v);
                if (!m.matches() || new java.math.BigDecimal(m.group(1)).signum() <= 0) {
                    throw new IllegalArgumentException("'" + value + "' is not an amount > 0 (500 or 500USDT)");
                }
                yield v;
            }
            case ON_TRIP -> onTrip(v).name().toLowerCase(Locale.ROOT);
        };
    }

    static int positiveInt(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("'" + v + "' is not a whole number >= 1");
    }

    static Duration duration(String v) {
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + v + "' is not a duration such as 45s, 30m, 2h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    static java.math.BigDecimal amount(String v) {
        Matcher m = AMOUNT.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + v + "' is not an amount");
        }
        return new java.math.BigDecimal(m.group(1));
    }

    static OnTrip onTrip(String v) {
        return switch (v) {
            case "halt" -> OnTrip.HALT;
            case "flatten" -> OnTrip.FLATTEN;
            default -> throw new IllegalArgumentException("'" + v + "' must be halt or flatten");
        };
    }
}
