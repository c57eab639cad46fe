package bot.engine;

import bot.domain.OrderRequest;
import java.util.List;
import java.util.Optional;

/** The journal as an order's life sees it: each outcome, once written, also reaches the strategy's risk seat. */
final class RiskMarkingJournal implements Journal {
    private final Journal journal;
    private final RiskBook.Seat seat;

    RiskMarkingJournal(Journal journal, RiskBook.Seat seat) {
        this.journal = journal;
        this.seat = seat;
    }

    @Override
    public long nextOrderNumber() {
        return journal.nextOrderNumber();
    }

    @Override
    public Optional<Long> open(StrategyIdentity strategy, OrderRequest request, int attempt) {
        return journal.open(strategy, request, attempt);
    }

    @Override
    public void record(Settlement settlement) {
        journal.record(settlement);
        seat.settled(settlement); // after the write: a retried write reaches the seat once, when it sticks
    }

    @Override
    public Holding holding(long strategyId, String symbol) {
        return journal.holding(strategyId, symbol);
    }

    @Override
    public List<JournaledOrder> unsettled(long strategyId) {
        return journal.unsettled(strategyId);
    }

    @Override
    public List<RecordedExecution> executions(long strategyId) {
        return journal.executions(strategyId);
    }
}
