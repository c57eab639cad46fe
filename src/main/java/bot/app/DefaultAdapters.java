package bot.app;

import bot.config.Settings;

/**
 * The real adapters for {@code bot start}. The Binance market feed, exchangeInfo client and live
 * gateway are built by other parts of the bot (bot.market, bot.execution.binance); until they are
 * wired here a strategy cannot start, and says why.
 */
public final class DefaultAdapters {

    private DefaultAdapters() {
    }

    public static DaemonAdapters create(Settings settings) {
        return new DaemonAdapters(
                testnet -> {
                    throw new IllegalStateException("the Binance market feed is not wired into bot start yet");
                },
                testnet -> {
                    throw new IllegalStateException("the Binance exchangeInfo client is not wired into bot start yet");
                },
                LiveGateways.standard(settings));
    }
}
