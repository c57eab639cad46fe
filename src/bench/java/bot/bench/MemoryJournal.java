package bot.bench;

import bot.domain.Fill;
import bot.domain.OrderRequest;
import bot.engine.Holding;
import bot.engine.Journal;
import bot.engine.JournaledOrder;
import bot.engine.RecordedExecution;
import bot.engine.Settlement;
import bot.engine.StrategyIdentity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A journal in memory for a replay: a backtest's orders need no durability, only the same rules
 * (one order per strategy, candle and attempt). It keeps the round trips to compare results.
 */
final class MemoryJournal implements Journal {
    private final Set<String> opened = new HashSet<>();
    private final List<Settlement> settlements = new ArrayList<>();
    private long orders;
    private int roundTrips;

    int roundTrips() {
        return roundTrips;
    }

    @Override
    public long nextOrderNumber() {
        return orders + 1;
    }

    @Override
    public Optional<Long> open(StrategyIdentity strategy, OrderRequest request, int attempt) {
        if (!opened.add(strategy.id() + "/" + request.candleOpenTime() + "/" + attempt)) {
            return Optional.empty();
        }
        return Optional.of(++orders);
    }

    @Override
    public void record(Settlement settlement) {
        settlements.add(settlement);
        if (settlement.roundTrip() != null) {
            roundTrips++;
        }
    }

    @Override
    public Holding holding(long strategyId, String symbol) {
        return Holding.flat(symbol);
    }

    @Override
    public List<JournaledOrder> unsettled(long strategyId) {
        return List.of();
    }

    /** A replay starts flat, so nothing to rebuild a position from. */
    @Override
    public List<RecordedExecution> executions(long strategyId) {
        return List.of();
    }

    @Override
    public List<Fill> fills(long orderId) {
        return settlements.stream().filter(s -> s.orderId() == orderId).flatMap(s -> s.report().fills().stream())
                .toList();
    }
}
