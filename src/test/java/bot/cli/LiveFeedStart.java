package bot.cli;

import bot.app.Exchange;
import bot.app.LiveGateways;
import bot.app.MasterKeys;
import bot.execution.binance.BinanceGatewayFactory;
import bot.engine.Sleeper;
import bot.rest.RestHosts;
import bot.testing.Candles;
import bot.testing.ReplayFeed;
import bot.testing.Rules;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;

/**
 * {@code bot} as {@link Main} runs it, live trading through the real {@link LiveGateways} (keys
 * from the database, decrypted with BOT_MASTER_KEY; orders to BOT_BINANCE_REST_URL), with a feed
 * replaying XRPETH candles [{@code -Dreplay.from}, {@code -Dreplay.to}). Real time and sleeps; a
 * 1 s recvWindow so that a "does not exist" after a restart is trusted after 2 s, not 6. Run as a
 * child JVM by {@link KillRestartTest}; prints {@value FakeFeedStart#READY} once the feed has handed
 * every candle over (reconciliation is done by then).
 */
public final class LiveFeedStart {

    private LiveFeedStart() {
    }

    public static void main(String[] args) {
        int from = Integer.getInteger("replay.from");
        int to = Integer.getInteger("replay.to");
        FakeFeedStart.run(args, (settings, ready) -> new Exchange(
                network -> new ReplayFeed(Map.of("XRPETH", Candles.xrpEth("XRPETH")), from, to, ready),
                network -> Rules.source(Rules.xrpEth()),
                new LiveGateways(settings, MasterKeys.source(settings, System.getenv()), new BinanceGatewayFactory(
                        new RestHosts(new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(2)).build(),
                                Clock.systemUTC(), Sleeper.SYSTEM, Duration.ofSeconds(30), RestHosts.DEFAULT_SPREAD,
                                RandomGenerator.getDefault()),
                        Clock.systemUTC(), Sleeper.SYSTEM, Duration.ofSeconds(1)))::forAccount),
                FakeFeedStart.replayClock(from));
    }
}
