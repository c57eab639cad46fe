package bot.market;

import bot.domain.Candle;

/** What one WebSocket message of a kline connection says. */
public sealed interface StreamMessage {

    /** A kline update of a subscribed stream: a tick ({@code x = false}) or a closed candle. */
    record KlineUpdate(KlineStream stream, Candle candle) implements StreamMessage {
    }

    /** The server is about to go down: reconnect now. */
    record ServerShutdown() implements StreamMessage {
    }

    ServerShutdown SERVER_SHUTDOWN = new ServerShutdown();
}
