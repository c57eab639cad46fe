package bot.engine;

import bot.domain.OrderRequest;
import java.util.Optional;

/**
 * A journal whose database fails on demand, as a connection timeout would: an open that commits its
 * row and then loses the answer, a record that fails before it is written, a number that is not had.
 */
final class FlakyJournal extends ForwardingJournal {
    int lostOpenAnswers;
    int failedFinalRecords;
    int failedNumbers;

    FlakyJournal(Journal journal) {
        super(journal);
    }

    @Override
    public long nextOrderNumber() {
        if (failedNumbers > 0) {
            failedNumbers--;
            throw new IllegalStateException("Connection is not available, request timed out after 30000ms.");
        }
        return super.nextOrderNumber();
    }

    @Override
    public Optional<Long> open(StrategyIdentity strategy, OrderRequest request, int attempt) {
        Optional<Long> id = super.open(strategy, request, attempt);
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
        super.record(settlement);
    }
}
