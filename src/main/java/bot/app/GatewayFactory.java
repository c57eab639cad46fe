package bot.app;

import bot.engine.OrderGateway;
import bot.engine.SymbolRulesSource;
import bot.store.EnabledStrategies;
import bot.strategy.StrategyParameters;

/** Makes the order gateway of one strategy. */
@FunctionalInterface
public interface GatewayFactory {

    /** @throws GatewayUnavailableException when this strategy cannot trade here; it is then not started */
    OrderGateway create(EnabledStrategies.Definition strategy, StrategyParameters parameters, SymbolRulesSource rules);
}
