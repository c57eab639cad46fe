package bot.testing;

import bot.domain.Candle;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Market prices for {@link FakeBinanceExchange#priceOrdersBy}: an order fills at the close of its
 * signal candle, which its client order id names ({@code b<strategy>-<open time in s, base 36>-<n>},
 * bot.engine.ClientOrderIds). So a live run fills where a paper run (slippage 0) does, whenever the
 * runner gets to the order.
 */
public final class SignalPrices {
    private static final Pattern ID = Pattern.compile("b\\d+-([0-9a-z]+)-[0-9a-z]+");

    private SignalPrices() {
    }

    public static Function<String, BigDecimal> closes(List<Candle> candles) {
        Map<Long, BigDecimal> closes = new HashMap<>();
        candles.forEach(c -> closes.put(c.openTime(), c.close()));
        return clientOrderId -> {
            Matcher m = ID.matcher(clientOrderId);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a bot client order id: " + clientOrderId);
            }
            BigDecimal close = closes.get(Long.parseLong(m.group(1), 36) * 1000);
            if (close == null) {
                throw new IllegalArgumentException("no candle for client order id " + clientOrderId);
            }
            return close;
        };
    }

    /**
     * As {@link #closes}, and an order whose signal time falls inside a candle (a flatten carries the
     * last candle's close time) fills at that candle's close.
     */
    public static Function<String, BigDecimal> closesWithin(List<Candle> candles) {
        java.util.TreeMap<Long, Candle> byOpen = new java.util.TreeMap<>();
        candles.forEach(c -> byOpen.put(c.openTime(), c));
        return clientOrderId -> {
            Matcher m = ID.matcher(clientOrderId);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a bot client order id: " + clientOrderId);
            }
            long time = Long.parseLong(m.group(1), 36) * 1000;
            Map.Entry<Long, Candle> candle = byOpen.floorEntry(time);
            if (candle == null || candle.getValue().closeTime() < time) {
                throw new IllegalArgumentException("no candle for client order id " + clientOrderId);
            }
            return candle.getValue().close();
        };
    }
}
