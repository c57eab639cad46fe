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
}
