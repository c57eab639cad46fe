package bot.engine;

import bot.domain.Position;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A strategy's position together with what its entry cost, so the exit can be turned into a round
 * trip. {@code entryFeeQuote} values every entry commission in the quote asset (a base-asset one at
 * its fill price); {@code entryQuoteFee} is the part actually charged in the quote asset.
 */
public record Holding(
        Position position,
        Long entryOrderId,
        BigDecimal entryQty,
        BigDecimal entryCost,
        BigDecimal entryFeeQuote,
        BigDecimal entryQuoteFee,
        Instant openedAt) {

    public static Holding flat(String symbol) {
        return new Holding(Position.flat(symbol), null, null, null, null, null, null);
    }

    public boolean isFlat() {
        return position.isFlat();
    }
}
