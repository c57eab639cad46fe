package bot.engine;

import bot.domain.OrderRequest;
import java.util.List;
import java.util.Optional;

/**
 * The order journal: every order is written here before it leaves the process, and every answer
 * is recorded as it comes. Each call is one transaction, so a crash never leaves half an order.
 */
public interface Journal {

    /** The next number of the never-reused sequence that client order ids carry. */
    long nextOrderNumber();

    /**
     * Writes the order as PENDING; its row id. Empty when the strategy already has another order for
     * that signal candle and attempt (a candle seen twice, e.g. after a restart): nothing is then
     * written. Idempotent for one client order id: called again after its answer was lost (the row
     * may have been committed), it answers that row's id.
     */
    Optional<Long> open(StrategyIdentity strategy, OrderRequest request, int attempt);

    /** Records an answer: status, fills, and the position and round trip it produced. */
    void record(Settlement settlement);

    /** The strategy's position as last recorded, flat when it has none. */
    Holding holding(long strategyId, String symbol);

    /** The strategy's orders whose outcome is not final (PENDING, UNKNOWN, NEW, PARTIALLY_FILLED), oldest first. */
    List<JournaledOrder> unsettled(long strategyId);

    /**
     * The strategy's final orders that executed something (FILLED, or a final partial fill), oldest
     * first, each with its recorded fills: what its position is rebuilt from.
     */
    List<RecordedExecution> executions(long strategyId);
}
