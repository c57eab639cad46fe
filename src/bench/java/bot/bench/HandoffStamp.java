package bot.bench;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.engine.CandleListener;
import bot.engine.MarketFeed;
import bot.engine.StrategyRunner;
import bot.engine.Subscription;
import java.util.List;

/**
 * A market feed decorator that notes when the feed hands a closed candle to a strategy's runner
 * (System.nanoTime): the moment between the feed's threads and the runner's own.
 */
final class HandoffStamp implements MarketFeed {
    private final MarketFeed feed;
    private volatile long lastHandoff;

    HandoffStamp(MarketFeed feed) {
        this.feed = feed;
    }

    long lastHandoff() {
        return lastHandoff;
    }

    @Override
    public Subscription subscribe(String symbol, Interval interval, int warmupCandles, CandleListener listener) {
        return feed.subscribe(symbol, interval, warmupCandles, new CandleListener() {
            @Override
            public void onHistory(List<Candle> closedCandles) {
                listener.onHistory(closedCandles);
            }

            @Override
            public void onClosed(Candle closed) {
                if (listener instanceof StrategyRunner) {
                    lastHandoff = System.nanoTime();
                }
                listener.onClosed(closed);
            }

            @Override
            public void onTick(Candle forming) {
                listener.onTick(forming);
            }
        });
    }

    @Override
    public void close() {
        feed.close();
    }
}
