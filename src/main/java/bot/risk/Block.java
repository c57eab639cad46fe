package bot.risk;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Why a scope takes no entries: a halt (an operator's, {@code limit} null) or a trip of a limit.
 * Active until {@code until}, or until {@code bot resume} when that is null. {@code flatten}: the
 * halt also sells every open position of the scope (once: {@code id} tells the halts apart).
 */
public record Block(long id, Scope scope, String limit, String reason, BigDecimal value, BigDecimal threshold,
                    Instant at, Instant until, boolean flatten) {

    public boolean isHalt() {
        return limit == null;
    }

    public boolean activeAt(Instant now) {
        return until == null || now.isBefore(until);
    }

    /** What {@code bot list} and a denial say: {@code halted: REASON} or {@code tripped: LIMIT}. */
    public String describe() {
        return isHalt() ? "halted: " + reason : "tripped: " + limit;
    }
}
