package bot.app;

import bot.config.Settings;
import bot.engine.SymbolRulesSource;
import bot.market.ExchangeInfoClient;

/** Which exchange answers for an account's symbols: the settings' REST URL for production or testnet. */
public final class ExchangeRules {

    private ExchangeRules() {
    }

    /** Symbol rules fetched on demand with short timeouts, for commands a person waits on. */
    public static SymbolRulesSource forCommand(Settings settings, boolean testnet) {
        return ExchangeInfoClient.withShortTimeouts(settings.binanceRestUrl(testnet));
    }
}
