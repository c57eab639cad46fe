package bot.strategy.kinds;

import bot.strategy.CommonParameters;
import bot.strategy.StrategyParameters;
import java.math.BigDecimal;
import java.util.Optional;

/** The exits every kind shares (interface.md), compared exactly in decimals. */
final class Exits {
    private final BigDecimal profitFactor;
    private final BigDecimal stopFactor;

    private Exits(BigDecimal profitFactor, BigDecimal stopFactor) {
        this.profitFactor = profitFactor;
        this.stopFactor = stopFactor;
    }

    /** Profit exit at entry x (1 + min_profit + 2 x fee_pct); stop exit at entry x (1 - stop_loss) when set. */
    static Exits of(StrategyParameters p) {
        BigDecimal fees = p.decimal(CommonParameters.FEE_PCT).multiply(BigDecimal.TWO);
        return new Exits(BigDecimal.ONE.add(p.decimal(CommonParameters.MIN_PROFIT)).add(fees), stopFactor(p));
    }

    /** rsi's own profit exit: entry x (1 + take_profit), with the common stop exit. */
    static Exits withProfitFactor(StrategyParameters p, BigDecimal takeProfit) {
        return new Exits(BigDecimal.ONE.add(takeProfit), stopFactor(p));
    }

    private static BigDecimal stopFactor(StrategyParameters p) {
        Optional<BigDecimal> stop = p.optional(CommonParameters.STOP_LOSS);
        return stop.map(BigDecimal.ONE::subtract).orElse(null);
    }

    boolean profitReached(BigDecimal close, BigDecimal entry) {
        return close.compareTo(entry.multiply(profitFactor)) >= 0;
    }

    boolean stopHit(BigDecimal close, BigDecimal entry) {
        return stopFactor != null && close.compareTo(entry.multiply(stopFactor)) <= 0;
    }

    boolean any(BigDecimal close, BigDecimal entry) {
        return profitReached(close, entry) || stopHit(close, entry);
    }
}
