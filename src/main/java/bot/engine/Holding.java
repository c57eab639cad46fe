package bot.engine;

import bot.domain.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A strategy's position together with what its entry cost, so the exit can be turned into a round
 * trip. {@code entryFeeQuote} values every entry commission in the quote asset (a base-asset one at
 * its fill price, a third-asset one at its price); {@code entryQuoteFee} is the part a round trip
 * subtracts from its net PnL: charged in the quote asset, or in a third asset (BNB) and valued (a
 * base-asset commission already made the quantity smaller). {@code entryUnvaluedFees} are the
 * third-asset commissions no price could be had for, per asset: left out of both.
 */
public record Holding(
        Position position,
        Long entryOrderId,
        BigDecimal entryQty,
        BigDecimal entryCost,
        BigDecimal entryFeeQuote,
        BigDecimal entryQuoteFee,
        Instant openedAt,
        Map<String, BigDecimal> entryUnvaluedFees) {

    public Holding {
        entryUnvaluedFees = entryUnvaluedFees == null ? Map.of() : Map.copyOf(entryUnvaluedFees);
    }

    /** A holding whose entry commissions were all valued. */
    public Holding(Position position, Long entryOrderId, BigDecimal entryQty, BigDecimal entryCost,
            BigDecimal entryFeeQuote, BigDecimal entryQuoteFee, Instant openedAt) {
        this(position, entryOrderId, entryQty, entryCost, entryFeeQuote, entryQuoteFee, openedAt, Map.of());
    }

    public static Holding flat(String symbol) {
        return new Holding(Position.flat(symbol), null, null, null, null, null, null, Map.of());
    }

    public boolean isFlat() {
        return position.isFlat();
    }
}
