package bot.engine;

import bot.domain.Interval;
import bot.domain.Mode;

/** Which strategy a runner runs: its journal id and name, where its orders go, and its stream. */
public record StrategyIdentity(long id, String name, Mode mode, String symbol, Interval interval) {
}
