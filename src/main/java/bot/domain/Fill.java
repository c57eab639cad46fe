package bot.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** One execution of an order: a trade at one price. */
public record Fill(
        String tradeId,
        BigDecimal price,
        BigDecimal qty,
        BigDecimal commission,
        String commissionAsset,
        Instant time) {
}
