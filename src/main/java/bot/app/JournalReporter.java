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
import bot.store.ReportQueries.UnvaluedSum;
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
 * {@link ReportAssembler}. The round-trip sums, the fee sums and the stream of trades for the
 * equity curves run at the same time on three connections that share one snapshot
 * (pg_export_snapshot), so they agree on every trade even while the daemon keeps writing.
 */
public final class JournalReporter {
    private final Jdbi jdbi;

    public JournalReporter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private record RowId(long strategyId, String mode) {
    }

    /** The fee sums and the commissions no price could be had for: of the orders, of the round trips. */
    private record FeeRows(List<FeeSum> sums, List<UnvaluedSum> unvalued, List<UnvaluedSum> unvaluedTrades) {
    }

    /** @throws InputException when the filter names a strategy or an account that does not exist */
    public Report report(JournalFilter filter) {
        try (Handle main = jdbi.open(); Handle sums = jdbi.open(); Handle fees = jdbi.open()) {
            try {
                return report(main, sums, fees, filter);
            } finally {
                // only read: nothing to keep
                rollback(main);
                rollback(sums);
                rollback(fees);
            }
        }
    }

    private static Report report(Handle main, Handle sums, Handle fees, JournalFilter filter) {
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
            Future<List<TradeSums>> tradeSums = executor.submit(
                    () -> onSnapshot(sums, snapshot, filter, strategies).tradeSums());
            Future<FeeRows> feeSums = executor.submit(() -> {
                ReportQueries onFees = onSnapshot(fees, snapshot, filter, strategies);
                return new FeeRows(onFees.feeSums(), onFees.unvaluedFees(), onFees.unvaluedTradeFees());
            });
            Map<RowId, StrategyKey> keys = new HashMap<>();
            queries.closedTrades((strategyId, mode, closedAt, netPnl) -> {
                StrategyKey key = keys.computeIfAbsent(new RowId(strategyId, mode),
                        id -> new StrategyKey(strategies.get(strategyId).name(), Mode.parse(mode)));
                report.closedTrade(key, strategies.get(strategyId).symbol(), closedAt, netPnl);
            });
            addOpenPositions(report, strategies, queries.openPositions());
            addTradeSums(report, strategies, tradeSums.get());
            addFeeSums(report, strategies, feeSums.get());
            return report.build();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the journal", e);
        }
    }

    /** Queries on {@code handle} in a transaction that sees the exported {@code snapshot}. */
    private static ReportQueries onSnapshot(Handle handle, String snapshot, JournalFilter filter,
            Map<Long, StrategyRow> strategies) {
        begin(handle);
        handle.execute("set transaction snapshot '" + snapshot.replace("'", "") + "'");
        return new ReportQueries(handle, filter, strategies);
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

    private static void addTradeSums(ReportAssembler report, Map<Long, StrategyRow> strategies, List<TradeSums> rows) {
        for (TradeSums t : rows) {
            StrategyRow s = strategies.get(t.strategyId());
            report.trades(new StrategyKey(s.name(), Mode.parse(t.mode())), s.symbol(), new TradeTotals(t.trades(),
                    t.wins(), t.losses(), t.grossProfit(), t.grossLoss(), t.netProfit(), t.best(), t.worst(),
                    t.durationSeconds(), t.maxEntryValue(), t.firstOpened(), t.lastClosed()));
        }
    }

    /**
     * Valued orders count at their own valuation; orders with no final answer yet (not valued) as
     * the commission asset tells; commissions without a price stay in their asset.
     */
    private static void addFeeSums(ReportAssembler report, Map<Long, StrategyRow> strategies, FeeRows rows) {
        for (FeeSum f : rows.sums()) {
            StrategyRow s = strategies.get(f.strategyId());
            report.fees(new StrategyKey(s.name(), Mode.parse(f.mode())), s.symbol(), f.valued() != null
                    ? new FeeTotals(f.valued(), Map.of())
                    : FeeTotals.of(f.symbol(), f.asset(), f.amount(), f.amountTimesPrice()));
        }
        for (UnvaluedSum u : rows.unvalued()) {
            StrategyRow s = strategies.get(u.strategyId());
            report.fees(new StrategyKey(s.name(), Mode.parse(u.mode())), s.symbol(),
                    new FeeTotals(BigDecimal.ZERO, Map.of(u.asset(), u.amount())));
        }
        for (UnvaluedSum u : rows.unvaluedTrades()) {
            StrategyRow s = strategies.get(u.strategyId());
            report.unvaluedTradeFees(new StrategyKey(s.name(), Mode.parse(u.mode())), s.symbol(), u.asset(), u.amount());
        }
    }

    private static void addOpenPositions(ReportAssembler report, Map<Long, StrategyRow> strategies,
            List<OpenPositionRow> rows) {
        for (OpenPositionRow p : rows) {
            // the position's own record when it has one (it values a BNB commission), else the entry order's
            BigDecimal quoteFee = p.entryQuoteFee() != null ? p.entryQuoteFee()
                    : CommissionAsset.of(p.symbol(), p.entryFeeAsset()) == CommissionAsset.QUOTE ? p.entryFee()
                    : BigDecimal.ZERO;
            report.openPosition(new StrategyKey(strategies.get(p.strategyId()).name(), Mode.parse(p.mode())),
                    new OpenPosition(p.symbol(), p.qty(), p.entryPrice(), p.entryValue(), quoteFee, p.openedAt(),
                            p.lastClose(), p.lastCloseTime(), p.unvaluedFees()));
        }
    }
}
