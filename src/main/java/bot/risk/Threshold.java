package bot.risk;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a loss may go: a fraction of the capital at stake ({@code 0.1}) or an amount in the quote
 * asset ({@code 50USDT}). "More than" trips: a loss exactly at the threshold does not.
 */
public record Threshold(BigDecimal value, String asset) {
    private static final Pattern FORM = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([A-Z][A-Z0-9]{1,15})?");

    /** Parses {@code 0.1} (a fraction in (0, 1]) or {@code 50USDT} (an amount > 0). */
    public static Threshold parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is neither a fraction (0.1) nor an amount with its asset (50USDT)");
        }
        BigDecimal value = new BigDecimal(m.group(1));
        String asset = m.group(2);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("'" + text + "' must be more than 0");
        }
        if (asset == null && value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("'" + text + "' as a fraction must be at most 1 (or give an amount: "
                    + text + "USDT)");
        }
        return new Threshold(value, asset);
    }

    public boolean isFraction() {
        return asset == null;
    }

    /** The threshold in the quote asset for a scope whose capital at stake is {@code capital}. */
    public BigDecimal amount(BigDecimal capital) {
        return isFraction() ? value.multiply(capital) : value;
    }

    /** True when {@code loss} is more than the threshold (exactly at it is not). */
    public boolean exceededBy(BigDecimal loss, BigDecimal capital) {
        return loss.compareTo(amount(capital)) > 0;
    }

    /** As it is written: {@code 0.1} or {@code 50USDT}. */
    public String text() {
        return value.toPlainString() + (asset == null ? "" : asset);
    }
}
