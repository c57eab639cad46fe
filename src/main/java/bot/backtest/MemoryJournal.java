package bot.backtest;

import bot.domain.ExecutionReport;
import bot.domain.Fill;
import bot.domain.OrderRequest;
import bot.domain.OrderStatus;
import bot.engine.Holding;
import bot.engine.Journal;
import bot.engine.JournaledOrder;
import bot.engine.RecordedExecution;
import bot.engine.RoundTrip;
import bot.engine.Settlement;
import bot.engine.StrategyIdentity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A backtest's journal, in memory: one run, one strategy, written only by its runner's thread and
 * read once the runner has stopped. It keeps what the daemon's journal keeps (orders, fills'
 * totals, the position, round trips) so a run's report is computed exactly as {@code bot report}'s;
 * a run is stored afterwards, all at once, in tables of its own.
 */
public final class MemoryJournal implements Journal {
    private static final Set<OrderStatus> UNSETTLED = EnumSet.of(OrderStatus.PENDING, OrderStatus.UNKNOWN,
            OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED);

    private final List<RunOrder> orders = new ArrayList<>();
    private final List<List<Fill>> fills = new ArrayList<>();
    private final List<Integer> attempts = new ArrayList<>();
    private final List<RoundTrip> trips = new ArrayList<>();
    private final Set<String> candleAttempts = new HashSet<>();
    private Holding holding;
    private long numbers;

    @Override
    public long nextOrderNumber() {
        return ++numbers;
    }

    @Override
    public Optional<Long> open(StrategyIdentity strategy, OrderRequest request, int attempt) {
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).clientOrderId().equals(request.clientOrderId())) {
                return Optional.of((long) i + 1);
            }
        }
        if (!candleAttempts.add(request.candleOpenTime() + "/" + attempt)) {
            return Optional.empty();
        }
        int seq = orders.size() + 1;
        orders.add(new RunOrder(seq, request.clientOrderId(), request.symbol(), request.side(), request.type(),
                OrderStatus.PENDING, request.quantity(), BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO, null,
                null, request.signalPrice(), request.candleOpenTime(), null, null));
        fills.add(List.of());
        attempts.add(attempt);
        return Optional.of((long) seq);
    }

    @Override
    public void record(Settlement settlement) {
        int index = (int) settlement.orderId() - 1;
        RunOrder order = orders.get(index);
        ExecutionReport report = settlement.report();
        List<Fill> reported = report.fills();
        String feeAsset = reported.isEmpty() ? null : reported.get(0).commissionAsset();
        BigDecimal fee = reported.stream().filter(f -> f.commissionAsset().equals(feeAsset)).map(Fill::commission)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        java.time.Instant time = reported.isEmpty() ? report.time() : reported.get(reported.size() - 1).time();
        orders.set(index, new RunOrder(order.seq(), order.clientOrderId(), order.symbol(), order.side(), order.type(),
                report.status(), order.requestedQty(), report.executedQty(), report.quoteQty(), report.averagePrice(),
                fee, feeAsset, settlement.fees() != null ? settlement.fees().inQuote() : order.feeQuote(),
                order.signalPrice(), order.candleOpenTime(), time, report.reason()));
        fills.set(index, reported);
        if (settlement.holding() != null) {
            holding = settlement.holding();
        }
        if (settlement.roundTrip() != null) {
            trips.add(settlement.roundTrip());
        }
    }

    @Override
    public Holding holding(long strategyId, String symbol) {
        return holding == null || holding.isFlat() ? Holding.flat(symbol) : holding;
    }

    @Override
    public List<JournaledOrder> unsettled(long strategyId) {
        List<JournaledOrder> open = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            RunOrder o = orders.get(i);
            if (UNSETTLED.contains(o.status())) {
                open.add(new JournaledOrder(o.seq(), o.clientOrderId(), o.symbol(), o.side(), o.type(), o.requestedQty(),
                        o.signalPrice(), o.candleOpenTime(), attempts.get(i), o.status()));
            }
        }
        return open;
    }

    @Override
    public List<RecordedExecution> executions(long strategyId) {
        List<RecordedExecution> done = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            RunOrder o = orders.get(i);
            if (o.executedQty().signum() > 0 && !UNSETTLED.contains(o.status())) {
                done.add(new RecordedExecution(o.seq(), o.side(), new ExecutionReport(o.clientOrderId(), o.status(),
                        null, o.executedQty(), o.quoteQty(), fills.get(i), o.reason(), o.time())));
            }
        }
        return done;
    }

    /** The run's record once its runner stopped, the open position valued at the last close. */
    public RunRecord record(BigDecimal lastClose, long lastCloseTime) {
        RunRecord.OpenHolding open = null;
        if (holding != null && !holding.isFlat()) {
            RunOrder entry = holding.entryOrderId() == null ? null : orders.get(holding.entryOrderId().intValue() - 1);
            open = new RunRecord.OpenHolding(holding.position().quantity(), holding.position().entryPrice(),
                    entry != null ? entry.quoteQty() : holding.entryCost(),
                    holding.entryQuoteFee() == null ? BigDecimal.ZERO : holding.entryQuoteFee(), holding.openedAt());
        }
        return new RunRecord(orders, trips, open, lastClose, lastCloseTime);
    }
}
