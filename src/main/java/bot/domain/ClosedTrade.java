package bot.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A round trip as the limits see it: its net PnL (fees as bot report counts them) and when it closed. */
public record ClosedTrade(BigDecimal netPnl, Instant closedAt) {
}
