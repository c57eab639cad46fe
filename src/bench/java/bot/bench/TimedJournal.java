package bot.bench;

import bot.domain.OrderRequest;
import bot.engine.ForwardingJournal;
import bot.engine.Journal;
import bot.engine.Settlement;
import bot.engine.StrategyIdentity;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * The bot's journal with a stop-watch: how long each call of the order path takes, and the time
 * (System.nanoTime) at which the real {@code record} of a final answer has committed, handed to
 * the benchmark. Everything else passes through.
 */
final class TimedJournal extends ForwardingJournal {
    private final BlockingQueue<Long> committed = new LinkedBlockingQueue<>();
    final Histogram nextOrderNumber = new Histogram(3);
    final Histogram open = new Histogram(3);
    final Histogram record = new Histogram(3);

    TimedJournal(Journal journal) {
        super(journal);
    }

    /** Times at which final answers were committed, in order. */
    BlockingQueue<Long> committed() {
        return committed;
    }

    /** Forgets the durations so far (after a warm-up). */
    void resetDurations() {
        nextOrderNumber.reset();
        open.reset();
        record.reset();
    }

    @Override
    public void record(Settlement settlement) {
        timed(record, () -> {
            super.record(settlement);
            return null;
        });
        if (settlement.report().status().isTerminal()) {
            committed.add(System.nanoTime());
        }
    }

    @Override
    public long nextOrderNumber() {
        return timed(nextOrderNumber, super::nextOrderNumber);
    }

    @Override
    public Optional<Long> open(StrategyIdentity strategy, OrderRequest request, int attempt) {
        return timed(open, () -> super.open(strategy, request, attempt));
    }

    private static <T> T timed(Histogram histogram, Supplier<T> call) {
        long t0 = System.nanoTime();
        try {
            return call.get();
        } finally {
            histogram.recordValue(System.nanoTime() - t0);
        }
    }
}
