package bot.app;

import bot.engine.SymbolRulesSource;

/** The exchange rules of a network (Binance production or the spot testnet). */
@FunctionalInterface
public interface SymbolRulesFactory {
    SymbolRulesSource open(boolean testnet);
}
