package bot.engine;

import bot.domain.OrderRequest;
import java.util.List;
import java.util.Optional;

/**
 * A journal whose database fails on demand, as a connection timeout would: an open that commits its
 * row and then loses the answer, a record that fails before it is written, a number that is not had.
 */
final class FlakyJournal implements Journal {
    private final Journal journal;
    int lostOpenAnswers;
    int failedFinalRecords;
    int failedNumbers;

    FlakyJournal(Journal journal) {
        this.journal = journal;
    }

    @Override
    public long nextOrderNumber() {
        if (failedNumbers > 0) {
            failedNumbers--;
            throw new IllegalStateException("Connection is not available, request timed out after 30000ms.");
        }
        return journal.nextOrderNumber();
    }

    @Override
    public Optional<Long> open(StrategyIdentity strategy, OrderRequest request, int attempt) {
        Optional<Long> id = journal.open(strategy, request, attempt);
        if (lostOpenAnswers > 0) {
            lostOpenAnswers--;
            throw new IllegalStateException("An I/O error occurred while sending to the backend (after the commit)");
        }
        return id;
    }

    @Override
    public void record(Settlement settlement) {
        if (settlement.report().status().isTerminal() && failedFinalRecords > 0) {
            failedFinalRecords--;
            throw new IllegalStateException("Connection is not available, request timed out after 30000ms.");
        }
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
