package bot.bench;

import bot.domain.Candle;
import java.util.Locale;

/** Candles in Binance's wire formats: combined-stream kline events and REST klines rows. */
final class KlineJson {

    private KlineJson() {
    }

    static String streamName(String symbol, String intervalCode) {
        return symbol.toLowerCase(Locale.ROOT) + "@kline_" + intervalCode;
    }

    /** {@code {"stream":"btcusdt@kline_1m","data":{"e":"kline",...}}}, as a combined stream sends it. */
    static String combinedEvent(Candle c, long eventTime, boolean closed) {
        StringBuilder b = new StringBuilder(460);
        b.append("{\"stream\":\"").append(streamName(c.symbol(), c.interval().code()))
                .append("\",\"data\":{\"e\":\"kline\",\"E\":").append(eventTime)
                .append(",\"s\":\"").append(c.symbol()).append("\",\"k\":{\"t\":").append(c.openTime())
                .append(",\"T\":").append(c.closeTime()).append(",\"s\":\"").append(c.symbol())
                .append("\",\"i\":\"").append(c.interval().code()).append("\",\"f\":100,\"L\":").append(99 + c.trades());
        b.append(",\"o\":\"").append(c.open().toPlainString()).append("\",\"c\":\"").append(c.close().toPlainString())
                .append("\",\"h\":\"").append(c.high().toPlainString()).append("\",\"l\":\"").append(c.low().toPlainString())
                .append("\",\"v\":\"").append(c.volume().toPlainString()).append("\",\"n\":").append(c.trades())
                .append(",\"x\":").append(closed).append(",\"q\":\"").append(c.quoteVolume().toPlainString())
                .append("\",\"V\":\"0\",\"Q\":\"0\",\"B\":\"0\"}}}");
        return b.toString();
    }

    /** One row of {@code GET /api/v3/klines}. */
    static void appendRow(StringBuilder b, Candle c) {
        b.append('[').append(c.openTime()).append(",\"").append(c.open().toPlainString()).append("\",\"")
                .append(c.high().toPlainString()).append("\",\"").append(c.low().toPlainString()).append("\",\"")
                .append(c.close().toPlainString()).append("\",\"").append(c.volume().toPlainString()).append("\",")
                .append(c.closeTime()).append(",\"").append(c.quoteVolume().toPlainString()).append("\",")
                .append(c.trades()).append(",\"0\",\"0\",\"0\"]");
    }
}
