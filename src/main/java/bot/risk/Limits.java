package bot.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scope's limits; null where none is set. {@code onTrip} is {@link OnTrip#HALT} unless set.
 */
public record Limits(Threshold maxDrawdown, Threshold dailyLoss, Integer maxLossesInRow, Duration cooldown,
                     Integer maxOpenPositions, BigDecimal maxExposure, OnTrip onTrip) {

    public static final Limits NONE = new Limits(null, null, null, null, null, null, OnTrip.HALT);

    /** True when an equity limit (drawdown or daily loss) is set: only then does marking the scope's equity matter. */
    public boolean watchesEquity() {
        return maxDrawdown != null || dailyLoss != null;
    }

    /**
     * The limits of stored (or to be stored) values, each key checked; {@link IllegalArgumentException}
     * with a message that starts with the key when one is wrong, or when they do not go together.
     */
    public static Limits of(Scope.Kind kind, Map<String, String> values) {
        Map<LimitKey, String> checked = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            LimitKey key = LimitKey.ofCode(e.getKey());
            if (key.accountOnly() && kind != Scope.Kind.ACCOUNT) {
                throw new IllegalArgumentException(key.code() + ": is set on an account only (a strategy holds one"
                        + " position at most)");
            }
            try {
                checked.put(key, key.canonical(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(key.code() + ": " + ex.getMessage());
            }
        }
        if (checked.containsKey(LimitKey.MAX_LOSSES_IN_ROW) != checked.containsKey(LimitKey.COOLDOWN)) {
            throw new IllegalArgumentException(checked.containsKey(LimitKey.COOLDOWN)
                    ? "cooldown: goes with max_losses_in_row, which is not set"
                    : "max_losses_in_row: needs a cooldown (e.g. cooldown=30m)");
        }
        String drawdown = checked.get(LimitKey.MAX_DRAWDOWN);
        String daily = checked.get(LimitKey.DAILY_LOSS);
        String losses = checked.get(LimitKey.MAX_LOSSES_IN_ROW);
        String cooldown = checked.get(LimitKey.COOLDOWN);
        String open = checked.get(LimitKey.MAX_OPEN_POSITIONS);
        String exposure = checked.get(LimitKey.MAX_EXPOSURE);
        String onTrip = checked.get(LimitKey.ON_TRIP);
        return new Limits(drawdown == null ? null : Threshold.parse(drawdown),
                daily == null ? null : Threshold.parse(daily),
                losses == null ? null : Integer.parseInt(losses),
                cooldown == null ? null : LimitKey.duration(cooldown),
                open == null ? null : Integer.parseInt(open),
                exposure == null ? null : LimitKey.amount(exposure),
                onTrip == null ? OnTrip.HALT : LimitKey.onTrip(onTrip));
    }
}
