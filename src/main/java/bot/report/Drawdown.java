package bot.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The largest fall of the equity curve from a peak to a later trough. {@code start} is the time of
 * the peak (the curve's origin when the peak is the starting zero) and {@code end} that of the
 * trough; both are null when the curve never fell. {@code percent} is null when it has no base.
 */
public record Drawdown(BigDecimal amount, BigDecimal percent, Instant start, Instant end) {
}
