package bot.app;

import bot.engine.MarketFeed;

/** Opens the market feed of a network (Binance production or the spot testnet). */
@FunctionalInterface
public interface MarketFeedFactory {
    MarketFeed open(boolean testnet);
}
