package bot.app;

import bot.config.Settings;
import bot.engine.FreshSymbolRules;
import bot.market.BinanceMarketFeed;
import bot.market.ConnectionAttemptBudget;
import bot.market.ExchangeInfoClient;
import bot.rest.RestHosts;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** The real adapters for {@code bot start}: Binance's streams and REST, production or testnet per account. */
public final class DefaultAdapters {
    /** How long exchange filters are trusted before they are fetched again. */
    static final Duration RULES_MAX_AGE = Duration.ofMinutes(10);

    private DefaultAdapters() {
    }

    public static DaemonAdapters create(Settings settings) {
        Clock clock = Clock.systemUTC();
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build();
        // One connection-attempt budget per process: Binance counts attempts per IP.
        ConnectionAttemptBudget budget = ConnectionAttemptBudget.binance(clock);
        // One request-weight budget per REST host for the whole process, market data and orders alike.
        RestHosts rest = RestHosts.standard(clock);
        return new DaemonAdapters(
                testnet -> new BinanceMarketFeed(rest.host(settings.binanceRestUrl(testnet)),
                        settings.binanceWsUrl(testnet), http, clock, budget),
                testnet -> new FreshSymbolRules(new ExchangeInfoClient(rest.host(settings.binanceRestUrl(testnet))),
                        clock, RULES_MAX_AGE),
                LiveGateways.standard(settings, rest));
    }
}
