package bot.app;

import bot.engine.OrderGateway;
import bot.engine.SymbolRulesSource;
import bot.execution.PaperGateway;
import bot.store.EnabledStrategies;
import bot.strategy.CommonParameters;
import bot.strategy.StrategyParameters;
import java.time.Clock;

/** Picks the gateway by the strategy's mode: the paper simulator, or the live gateway the wiring was given. */
public final class ModeGateways implements GatewayFactory {
    private final Clock clock;
    private final GatewayFactory live;

    public ModeGateways(Clock clock, GatewayFactory live) {
        this.clock = clock;
        this.live = live;
    }

    @Override
    public OrderGateway create(EnabledStrategies.Definition strategy, StrategyParameters parameters,
                               SymbolRulesSource rules) {
        return switch (strategy.mode()) {
            case PAPER -> new PaperGateway(rules, parameters.decimal(CommonParameters.FEE_PCT),
                    parameters.decimal(CommonParameters.SLIPPAGE), clock);
            case LIVE -> {
                if (!strategy.accountHasKeys()) {
                    throw new GatewayUnavailableException("account " + strategy.account()
                            + " has no API keys; live trading needs them");
                }
                yield live.create(strategy, parameters, rules);
            }
        };
    }
}
