package bot.market;

import bot.domain.Interval;
import java.util.Locale;

/** One kline stream: a symbol (upper case, as Binance spells it) at one interval. */
public record KlineStream(String symbol, Interval interval) {

    public KlineStream {
        symbol = symbol.toUpperCase(Locale.ROOT);
    }

    /** The stream name Binance subscribes to, e.g. {@code btcusdt@kline_1m}. */
    public String name() {
        return symbol.toLowerCase(Locale.ROOT) + "@kline_" + interval.code();
    }

    @Override
    public String toString() {
        return name();
    }
}
