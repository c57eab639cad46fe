package bot.engine;

import bot.domain.OrderRequest;
import java.util.List;
import java.util.Optional;

/** A journal that hands every call to another: a decorator overrides only the calls it adds to. */
public abstract class ForwardingJournal implements Journal {
    private final Journal journal;

    protected ForwardingJournal(Journal journal) {
        this.journal = journal;
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
