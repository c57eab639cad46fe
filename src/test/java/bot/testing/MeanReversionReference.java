package bot.testing;

import bot.domain.Candle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * mean_reversion by interface.md, written plainly and apart from the engine, for XRPETH (whole XRP,
 * minNotional 0.01 ETH) with paper fills at the close: the orders the rules produce on candles
 * [from, to), the candles before {@code from} being warm-up only.
 */
public final class MeanReversionReference {

    /** One order the rules produce: side, signal candle, quantity and fill price. */
    public record Trade(String side, long candleOpenTime, BigDecimal qty, BigDecimal price) {
        public Trade normalized() {
            return new Trade(side, candleOpenTime, qty.stripTrailingZeros(), price.stripTrailingZeros());
        }
    }

    private MeanReversionReference() {
    }

    /**
     * The same orders as a live account makes them: the exchange takes a BUY's commission
     * ({@code rate} of the quantity, to 8 decimals) in XRP, so each SELL sells the bought quantity
     * less it, rounded down to whole XRP.
     */
    public static List<Trade> withBaseCommission(List<Trade> trades, BigDecimal rate) {
        List<Trade> live = new ArrayList<>();
        BigDecimal bought = null;
        for (Trade t : trades) {
            if (t.side().equals("BUY")) {
                bought = t.qty();
                live.add(t);
            } else {
                BigDecimal commission = bought.multiply(rate).setScale(8, RoundingMode.HALF_UP);
                live.add(new Trade("SELL", t.candleOpenTime(), bought.subtract(commission).setScale(0, RoundingMode.FLOOR),
                        t.price()).normalized());
            }
        }
        return live;
    }

    public static List<Trade> trades(List<Candle> candles, int window, BigDecimal threshold, BigDecimal orderValue,
                                     BigDecimal minProfit, BigDecimal feePct, int from, int to) {
        BigDecimal profitFactor = BigDecimal.ONE.add(minProfit).add(feePct).add(feePct);
        List<Trade> trades = new ArrayList<>();
        BigDecimal entry = null;
        BigDecimal held = null;
        for (int i = Math.max(from, window - 1); i < to; i++) {
            BigDecimal close = candles.get(i).close();
            if (entry == null) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int j = i - window + 1; j <= i; j++) {
                    sum = sum.add(candles.get(j).close());
                }
                if (close.multiply(BigDecimal.valueOf(window)).compareTo(sum.multiply(BigDecimal.ONE.subtract(threshold))) < 0) {
                    BigDecimal qty = orderValue.divide(close, 0, RoundingMode.FLOOR);
                    if (qty.signum() > 0 && qty.multiply(close).compareTo(new BigDecimal("0.01")) >= 0) {
                        trades.add(new Trade("BUY", candles.get(i).openTime(), qty, close).normalized());
                        entry = close;
                        held = qty;
                    }
                }
            } else if (close.compareTo(entry.multiply(profitFactor)) >= 0) {
                trades.add(new Trade("SELL", candles.get(i).openTime(), held, close).normalized());
                entry = null;
            }
        }
        return trades;
    }
}
