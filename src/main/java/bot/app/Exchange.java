package bot.app;

import bot.config.Settings;
import bot.domain.Network;
import bot.engine.FreshSymbolRules;
import bot.engine.MarketFeed;
import bot.engine.OrderGateway;
import bot.engine.SymbolRulesSource;
import bot.market.BinanceMarketFeed;
import bot.market.ConnectionAttemptBudget;
import bot.market.ExchangeInfoClient;
import bot.rest.RestHosts;
import bot.store.StoredAccount;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * What the daemon trades on: per network, the market feed and the symbol rules; per account with
 * keys, the live order gateway (which may throw {@link GatewayUnavailableException}). Paper
 * gateways need none of it: the daemon makes them itself. {@link #binance} is {@code bot start}'s;
 * tests put fakes in.
 */
public record Exchange(Function<Network, MarketFeed> feeds, Function<Network, SymbolRulesSource> rules,
                       Function<StoredAccount, OrderGateway> liveGateways) {

    /** How long exchange filters are trusted before they are fetched again. */
    static final Duration RULES_MAX_AGE = Duration.ofMinutes(10);

    /** Binance's streams and REST at the settings' URLs, production or testnet, and the accounts' live gateways. */
    public static Exchange binance(Settings settings) {
        Clock clock = Clock.systemUTC();
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build();
        // One connection-attempt budget per process: Binance counts attempts per IP.
        ConnectionAttemptBudget budget = ConnectionAttemptBudget.binance(clock);
        // One request-weight budget per REST host for the whole process, market data and orders alike.
        RestHosts rest = RestHosts.standard(clock);
        return new Exchange(
                network -> new BinanceMarketFeed(rest.host(settings.binanceRestUrl(network.testnet())),
                        settings.binanceWsUrl(network.testnet()), http, clock, budget),
                network -> new FreshSymbolRules(new ExchangeInfoClient(rest.host(settings.binanceRestUrl(network.testnet()))),
                        clock, RULES_MAX_AGE),
                LiveGateways.standard(settings, rest)::forAccount);
    }

    /** The same exchange, whose symbol rules are stored in {@code store} as they are fetched (for backtests offline). */
    public Exchange recordingRulesIn(bot.store.SymbolRulesRepository store) {
        return new Exchange(feeds, network -> new RecordedSymbolRules(rules.apply(network), network, store),
                liveGateways);
    }

    /** No live trading: every live strategy is refused with {@code reason}. */
    public static Function<StoredAccount, OrderGateway> noLiveTrading(String reason) {
        return account -> {
            throw new GatewayUnavailableException(reason);
        };
    }
}
