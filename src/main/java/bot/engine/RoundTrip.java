package bot.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A closed trade in the quote asset, as the round_trips table holds it: values are sums of
 * price x qty of the fills, {@code fees} every commission valued in the quote asset,
 * {@code netPnl} = exit value - entry value - commissions charged in the quote asset, and
 * {@code grossPnl} = net + fees.
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
        Instant closedAt) {
}
