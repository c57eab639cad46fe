package bot.app;

import bot.engine.RunnerView;

/**
 * One strategy as the daemon supervises it: its way up ({@code phase}: PREPARING, RECONCILING,
 * SUBSCRIBING, RUNNING, WAITING_TO_RETRY, STOPPED), the refusal it waits to retry after, and once it
 * runs, what its runner is doing.
 *
 * @param refusal        why it was refused, while WAITING_TO_RETRY; null otherwise
 * @param refusalPassing true when that cause may pass by itself (the exchange unreachable)
 * @param runner         the runner's view once it runs; null before
 */
public record StrategyActivity(long strategyId, String name, String interval, String phase, String refusal,
                               boolean refusalPassing, RunnerView runner) {
}
