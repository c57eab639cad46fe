package bot.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A closed trade in the quote asset, as the round_trips table holds it: values are sums of
 * price x qty of the fills, {@code fees} every commission valued in the quote asset,
 * {@code netPnl} = exit value - entry value - the commissions charged in the quote asset or in a
 * third asset (BNB) valued in it, and {@code grossPnl} = net + fees. {@code unvaluedFees} are the
 * third-asset commissions no price could be had for, per asset: neither figure includes them.
 */
public record RoundTrip(
        long entryOrderId,
        long exitOrderId,
        BigDecimal qty,
        BigDecimal entryPrice,
        BigDecimal exitPrice,
        BigDecimal entryValue,
        BigDecimal exitValue,
        BigDecimal fees,
        BigDecimal netPnl,
        BigDecimal grossPnl,
        Instant openedAt,
        Instant closedAt,
        Map<String, BigDecimal> unvaluedFees) {

    public RoundTrip {
        unvaluedFees = Map.copyOf(unvaluedFees);
    }
}
