package bot.app;

import bot.config.Settings;
import bot.engine.SymbolRulesSource;
import bot.market.ExchangeInfoClient;
import bot.market.TickerPriceClient;
import bot.rest.RestHosts;
import java.math.BigDecimal;
import java.util.function.Function;

/** Which exchange answers for an account's symbols: the settings' REST URL for production or testnet. */
public final class ExchangeRules {

    private ExchangeRules() {
    }

    /** A symbol's last price, fetched with short timeouts, for commands a person waits on. */
    public static Function<String, BigDecimal> pricesForCommand(Settings settings, boolean testnet) {
        return new TickerPriceClient(RestHosts.forCommand().host(settings.binanceRestUrl(testnet)));
    }

    /** Symbol rules fetched on demand with short timeouts, for commands a person waits on. */
    public static SymbolRulesSource forCommand(Settings settings, boolean testnet) {
        return ExchangeInfoClient.withShortTimeouts(settings.binanceRestUrl(testnet));
    }
}
