package bot.cli;

import bot.app.Exchange;
import bot.app.LiveGateways;
import bot.app.MasterKeys;
import bot.engine.Sleeper;
import bot.execution.binance.BinanceGatewayFactory;
import bot.rest.RestHosts;
import bot.testing.Candles;
import bot.testing.PacedFeed;
import bot.testing.Rules;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;

/**
 * {@code bot start} as {@link Main} runs it (leases, fencing, changes), on a market every instance
 * shares: a {@link PacedFeed} of the XRPETH candles from {@code -Dpaced.from}, one per
 * {@code -Dpaced.tick} ms from the wall-clock instant {@code -Dpaced.start}; the daemon's clock is
 * the market's. Live orders go to BOT_BINANCE_REST_URL through the real {@link LiveGateways}, with a
 * 1 s recvWindow. Run as a child JVM, several at once, by {@link InstancesTest}.
 */
public final class PacedStart {

    private PacedStart() {
    }

    public static void main(String[] args) {
        PacedFeed feed = new PacedFeed(Candles.xrpEth("XRPETH"), Integer.getInteger("paced.from"),
                Long.getLong("paced.start"), Long.getLong("paced.tick"));
        FakeFeedStart.run(args, (settings, ready) -> new Exchange(
                network -> feed,
                network -> Rules.source(Rules.xrpEth()),
                new LiveGateways(settings, MasterKeys.source(settings, System.getenv()), new BinanceGatewayFactory(
                        new RestHosts(new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(2)).build(),
                                Clock.systemUTC(), Sleeper.SYSTEM, Duration.ofSeconds(30), RestHosts.DEFAULT_SPREAD,
                                RandomGenerator.getDefault()),
                        Clock.systemUTC(), Sleeper.SYSTEM, Duration.ofSeconds(1)))::forAccount),
                feed.clock());
    }
}
