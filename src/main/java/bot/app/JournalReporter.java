package bot.app;

import bot.domain.Mode;
import bot.report.CommissionAsset;
import bot.report.FeeTotals;
import bot.report.OpenPosition;
import bot.report.Report;
import bot.report.ReportAssembler;
import bot.report.StrategyKey;
import bot.report.TradeTotals;
import bot.store.JournalFilter;
import bot.store.ReportQueries;
import bot.store.ReportQueries.FeeSum;
import bot.store.ReportQueries.OpenPositionRow;
import bot.store.ReportQueries.StrategyRow;
import bot.store.ReportQueries.TradeSums;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Computes {@code bot report}'s KPIs from the journal and feeds them to the pure
 * {@link ReportAssembler}. The aggregates and the stream of trades for the equity curves run at
 * the same time on two connections that share one snapshot (pg_export_snapshot), so they agree
 * on every trade even while the daemon keeps writing.
 */
public final class JournalReporter {
    private final Jdbi jdbi;

    public JournalReporter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private record Aggregates(List<TradeSums> trades, List<FeeSum> fees, List<OpenPositionRow> open) {
    }

    private record RowId(long strategyId, String mode) {
    }

    /** @throws InputException when the filter names a strategy or an account that does not exist */
    public Report report(JournalFilter filter) {
        try (Handle main = jdbi.open(); Handle side = jdbi.open()) {
            try {
                return report(main, side, filter);
            } finally {
                // only read: nothing to keep
                rollback(main);
                rollback(side);
            }
        }
    }

    private static Report report(Handle main, Handle side, JournalFilter filter) {
        begin(main);
        String snapshot = main.createQuery("select pg_export_snapshot()").mapTo(String.class).one();
        ReportQueries queries = new ReportQueries(main, filter);
        validate(queries, filter);
        ReportAssembler report = new ReportAssembler();
        Map<Long, StrategyRow> strategies = queries.strategies();
        if (strategies.isEmpty()) {
            return report.build();
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Aggregates> aggregates = executor.submit(() -> {
                begin(side);
                side.execute("set transaction snapshot '" + snapshot.replace("'", "") + "'");
                ReportQueries q = new ReportQueries(side, filter, strategies);
                return new Aggregates(q.tradeSums(), q.feeSums(), q.openPositions());
            });
            Map<RowId, StrategyKey> keys = new HashMap<>();
            queries.closedTrades((strategyId, mode, closedAt, netPnl) -> {
                StrategyKey key = keys.computeIfAbsent(new RowId(strategyId, mode),
                        id -> new StrategyKey(strategies.get(strategyId).name(), Mode.parse(mode)));
                report.closedTrade(key, strategies.get(strategyId).symbol(), closedAt, netPnl);
            });
            add(report, strategies, aggregates.get());
            return report.build();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the journal", e);
        }
    }

    private static void rollback(Handle handle) {
        if (handle.isInTransaction()) {
            handle.rollback();
        }
    }

    private static void begin(Handle handle) {
        handle.setTransactionIsolationLevel(TransactionIsolationLevel.REPEATABLE_READ);
        handle.begin();
    }

    private static void validate(ReportQueries queries, JournalFilter filter) {
        if (filter.strategy() != null && !queries.strategyExists(filter.strategy())) {
            throw new InputException("--strategy: no strategy named '" + filter.strategy() + "'");
        }
        if (filter.account() != null && !queries.accountExists(filter.account())) {
            throw new InputException("--account: no account named '" + filter.account() + "'");
        }
    }

    private static void add(ReportAssembler report, Map<Long, StrategyRow> strategies, Aggregates rows) {
        for (TradeSums t : rows.trades()) {
            StrategyRow s = strategies.get(t.strategyId());
            report.trades(new StrategyKey(s.name(), Mode.parse(t.mode())), s.symbol(), new TradeTotals(t.trades(),
                    t.wins(), t.losses(), t.grossProfit(), t.grossLoss(), t.netProfit(), t.best(), t.worst(),
                    t.durationSeconds(), t.maxEntryValue(), t.firstOpened(), t.lastClosed()));
        }
        for (FeeSum f : rows.fees()) {
            StrategyRow s = strategies.get(f.strategyId());
            report.fees(new StrategyKey(s.name(), Mode.parse(f.mode())), s.symbol(),
                    FeeTotals.of(f.symbol(), f.asset(), f.amount(), f.amountTimesPrice()));
        }
        for (OpenPositionRow p : rows.open()) {
            boolean quoteFee = CommissionAsset.of(p.symbol(), p.entryFeeAsset()) == CommissionAsset.QUOTE;
            report.openPosition(new StrategyKey(strategies.get(p.strategyId()).name(), Mode.parse(p.mode())),
                    new OpenPosition(p.symbol(), p.qty(), p.entryPrice(), p.entryValue(),
                            quoteFee ? p.entryFee() : BigDecimal.ZERO, p.openedAt(), p.lastClose(),
                            p.lastCloseTime()));
        }
    }
}
