package bot.testing;

import bot.domain.Candle;
import java.util.Locale;

/** Writes candles in Binance's wire formats, field for field as in the recordings. */
public final class BinanceJson {

    private BinanceJson() {
    }

    /** The stream name, e.g. {@code btcusdt@kline_1m}. */
    public static String streamName(Candle candle) {
        return candle.symbol().toLowerCase(Locale.ROOT) + "@kline_" + candle.interval().code();
    }

    /** A kline event as {@code kline-event-btcusdt-1m.json} has it. */
    public static String klineEvent(Candle c, long eventTime, boolean closed) {
        long firstTrade = c.trades() == 0 ? -1 : 1_000_000 + c.openTime() / 1000;
        long lastTrade = c.trades() == 0 ? -1 : firstTrade + c.trades() - 1;
        return "{\"e\":\"kline\",\"E\":" + eventTime + ",\"s\":\"" + c.symbol() + "\",\"k\":{\"t\":" + c.openTime()
                + ",\"T\":" + c.closeTime() + ",\"s\":\"" + c.symbol() + "\",\"i\":\"" + c.interval().code()
                + "\",\"f\":" + firstTrade + ",\"L\":" + lastTrade + ",\"o\":\"" + c.open().toPlainString()
                + "\",\"c\":\"" + c.close().toPlainString() + "\",\"h\":\"" + c.high().toPlainString()
                + "\",\"l\":\"" + c.low().toPlainString() + "\",\"v\":\"" + c.volume().toPlainString()
                + "\",\"n\":" + c.trades() + ",\"x\":" + closed + ",\"q\":\"" + c.quoteVolume().toPlainString()
                + "\",\"V\":\"0\",\"Q\":\"0\",\"B\":\"0\"}}";
    }

    /** The combined-stream form: {@code {"stream":..,"data":..}}. */
    public static String combined(String stream, String data) {
        return "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";
    }

    /** A row of {@code GET /api/v3/klines} as {@code btcusdt-1m-klines-2021-10-22.json} has it. */
    public static String klineRow(Candle c) {
        return "[" + c.openTime() + ",\"" + c.open().toPlainString() + "\",\"" + c.high().toPlainString() + "\",\""
                + c.low().toPlainString() + "\",\"" + c.close().toPlainString() + "\",\"" + c.volume().toPlainString()
                + "\"," + c.closeTime() + ",\"" + c.quoteVolume().toPlainString() + "\"," + c.trades()
                + ",\"0\",\"0\",\"0\"]";
    }

    public static String error(int code, String message) {
        return "{\"code\":" + code + ",\"msg\":\"" + message + "\"}";
    }
}
