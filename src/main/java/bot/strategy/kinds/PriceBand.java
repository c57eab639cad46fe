package bot.strategy.kinds;

import bot.strategy.CommonParameters;
import bot.strategy.StrategyParameters;
import java.math.BigDecimal;

/** [min_price, max_price]: no entry when the close is outside it; max_price absent means unbounded. */
record PriceBand(BigDecimal min, BigDecimal max) {

    static PriceBand of(StrategyParameters p) {
        return new PriceBand(p.decimal(CommonParameters.MIN_PRICE), p.optional(CommonParameters.MAX_PRICE).orElse(null));
    }

    boolean contains(BigDecimal close) {
        return close.compareTo(min) >= 0 && (max == null || close.compareTo(max) <= 0);
    }
}
