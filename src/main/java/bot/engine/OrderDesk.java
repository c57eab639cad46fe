package bot.engine;

import java.util.random.RandomGenerator;

/** What an order's life works with: one strategy's gateway, journal, waits, and its halt and signal age. */
record OrderDesk(
        StrategyIdentity strategy,
        OrderGateway gateway,
        Journal journal,
        LookupBackoff lookups,
        RetryBackoff resolution,
        Sleeper sleeper,
        RandomGenerator random,
        InfrastructureRetry infrastructure,
        SignalAge signalAge,
        Halt halt) {
}
