package bot.app;

import bot.domain.Interval;
import bot.domain.Network;
import bot.engine.Journal;
import bot.engine.LookupBackoff;
import bot.engine.OrderFlow;
import bot.engine.OrderGateway;
import bot.engine.RiskBook;
import bot.engine.Sleeper;
import bot.engine.StrategyIdentity;
import bot.engine.StrategyRunner;
import bot.engine.SymbolRulesSource;
import bot.execution.PaperGateway;
import bot.store.EnabledStrategies;
import bot.strategy.CommonParameters;
import bot.strategy.Strategy;
import bot.strategy.StrategyKind;
import bot.strategy.StrategyParameters;
import bot.strategy.StrategyRegistry;
import java.time.Clock;
import java.util.function.Function;

/**
 * Makes the runner of a stored strategy: its kind, checked parameters, order gateway and strategy
 * object. This is where paper and live part: the mode picks the gateway, nothing else differs.
 */
final class RunnerAssembly {
    private final StrategyRegistry registry;
    private final Journal journal;
    private final Function<Network, SymbolRulesSource> rules;
    private final Exchange exchange;
    private final Clock clock;
    private final LookupBackoff lookups;
    private final Sleeper sleeper;
    private final RiskBook risk;
    private final Ownership ownership;
    private final DaemonObserver observer;

    RunnerAssembly(StrategyRegistry registry, Journal journal, Function<Network, SymbolRulesSource> rules,
                   Exchange exchange, Clock clock, LookupBackoff lookups, Sleeper sleeper, RiskBook risk,
                   Ownership ownership, DaemonObserver observer) {
        this.risk = risk;
        this.ownership = ownership;
        this.observer = observer;
        this.registry = registry;
        this.journal = journal;
        this.rules = rules;
        this.exchange = exchange;
        this.clock = clock;
        this.lookups = lookups;
        this.sleeper = sleeper;
    }

    /** A new runner, not reconciled or started. */
    StrategyRunner runner(EnabledStrategies.Definition definition) throws StrategyRefusedException {
        StrategyKind kind;
        StrategyParameters parameters;
        Interval interval;
        try {
            kind = registry.require(definition.kind());
            parameters = kind.validate(definition.parameters());
            interval = definition.parsedInterval();
        } catch (IllegalArgumentException e) {
            throw new StrategyRefusedException(e.getMessage(), false);
        }
        SymbolRulesSource symbolRules = rules.apply(Network.of(definition.testnet()));
        Strategy strategy = create(kind, parameters);
        StrategyIdentity identity = new StrategyIdentity(definition.id(), definition.name(), definition.mode(),
                definition.symbol(), interval);
        // monitoring times the exchange's answers around the gateway, never inside the engine
        OrderGateway gateway = observer.gateway(identity, gateway(definition, parameters, symbolRules));
        // the strategy's seat in the limits: every wiring (paper, live, replay) gets it
        OrderFlow flow = new OrderFlow(identity, gateway, journal, symbolRules, lookups, sleeper, clock,
                risk.seat(identity, definition.account(), parameters.decimal(CommonParameters.ORDER_VALUE)),
                observer.tradeEvents());
        return new StrategyRunner(identity, strategy, parameters, flow);
    }

    private OrderGateway gateway(EnabledStrategies.Definition definition, StrategyParameters parameters,
                                 SymbolRulesSource symbolRules) throws StrategyRefusedException {
        try {
            return switch (definition.mode()) {
                case PAPER -> new PaperGateway(symbolRules, parameters.decimal(CommonParameters.FEE_PCT),
                        parameters.decimal(CommonParameters.SLIPPAGE), clock);
                case LIVE -> {
                    if (!definition.accountHasKeys()) {
                        throw new GatewayUnavailableException("account " + definition.account()
                                + " has no API keys; live trading needs them");
                    }
                    yield ownership.guard(definition.id(), exchange.liveGateways().apply(definition.storedAccount()));
                }
            };
        } catch (GatewayUnavailableException e) {
            throw new StrategyRefusedException(e.getMessage(), false);
        }
    }

    /** The kind's code makes the strategy: a plugin's may throw anything, even a linkage error. */
    private static Strategy create(StrategyKind kind, StrategyParameters parameters) throws StrategyRefusedException {
        try {
            Strategy strategy = kind.create(parameters);
            if (strategy == null) {
                throw new StrategyRefusedException("kind " + kind.name() + " made no strategy (create returned null)", false);
            }
            return strategy;
        } catch (RuntimeException | LinkageError e) {
            throw new StrategyRefusedException("kind " + kind.name() + " failed to create the strategy: " + e, false);
        }
    }
}
