package bot.bench;

import bot.domain.Interval;
import java.util.List;

/**
 * The 1s-kline load: just after each second ends, one closed-candle event for every stream, as
 * Binance's {@code @kline_1s} streams push them, sent from a thread of its own.
 */
final class SecondFeeder implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long sent;

    SecondFeeder(LoopbackBinance binance, SyntheticMarket market, List<String> symbols) {
        thread = Thread.ofPlatform().name("second-feeder").daemon().start(() -> {
            try {
                while (running) {
                    long now = System.currentTimeMillis();
                    long boundary = Math.floorDiv(now, 1000) * 1000 + 1000;
                    Thread.sleep(boundary + 20 - now);
                    long open = boundary - 1000;
                    for (String symbol : symbols) {
                        binance.send(KlineJson.streamName(symbol, "1s"),
                                KlineJson.combinedEvent(market.candle(symbol, Interval.S1, open), boundary + 20, true));
                    }
                    sent += symbols.size();
                }
            } catch (InterruptedException e) {
                // stopped
            }
        });
    }

    long sent() {
        return sent;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
