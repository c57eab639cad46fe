package bot.risk;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A limit crossed on a scope: {@code value} went past {@code threshold} (both in the quote asset, or
 * a count of losing round trips). Entries stop until {@code until}, or until a resume when null.
 */
public record Trip(Scope scope, LimitKey limit, BigDecimal value, BigDecimal threshold, Instant at, Instant until) {

    public String reason() {
        return switch (limit) {
            case MAX_DRAWDOWN -> "drawdown " + value.toPlainString() + " from the peak is more than "
                    + threshold.toPlainString();
            case DAILY_LOSS -> "loss since 00:00 UTC " + value.toPlainString() + " is more than "
                    + threshold.toPlainString();
            case MAX_LOSSES_IN_ROW -> value.toPlainString() + " losing round trips in a row; cooling down until " + until;
            default -> limit.code() + " " + value.toPlainString() + " over " + threshold.toPlainString();
        };
    }

    public Block asBlock() {
        return new Block(0, scope, limit.code(), reason(), value, threshold, at, until, false);
    }
}
