package bot.backtest;

import bot.domain.Mode;
import bot.engine.RoundTrip;
import bot.report.FeeTotals;
import bot.report.OpenPosition;
import bot.report.Report;
import bot.report.ReportAssembler;
import bot.report.StrategyKey;
import bot.report.TradeTotals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A run's KPIs, computed by {@code bot report}'s own {@link ReportAssembler} from the sums its
 * journal queries make (ReportQueries in the store), made here over the run's rows: the same figures
 * for the same orders. A run's fills are simulated, so its row is a paper one.
 */
public final class RunReport {

    private RunReport() {
    }

    public static Report of(String name, String symbol, RunRecord run) {
        ReportAssembler report = new ReportAssembler();
        StrategyKey key = new StrategyKey(name, Mode.PAPER);
        if (!run.roundTrips().isEmpty()) {
            for (RoundTrip trip : run.roundTrips()) {
                report.closedTrade(key, symbol, trip.closedAt(), trip.netPnl());
            }
            report.trades(key, symbol, totals(run));
        }
        for (RunOrder order : run.orders()) {
            boolean charged = order.fee().signum() != 0 || (order.feeQuote() != null && order.feeQuote().signum() != 0);
            if (order.executedQty().signum() > 0 && charged) {
                BigDecimal price = order.avgPrice() != null ? order.avgPrice()
                        : order.quoteQty().divide(order.executedQty(), bot.domain.Money.PRICE_CONTEXT);
                report.fees(key, symbol, order.feeQuote() != null ? new FeeTotals(order.feeQuote(), Map.of())
                        : FeeTotals.of(symbol, order.feeAsset() == null ? "" : order.feeAsset(), order.fee(),
                                order.fee().multiply(price)));
            }
        }
        if (run.open() != null) {
            RunRecord.OpenHolding open = run.open();
            report.openPosition(key, new OpenPosition(symbol, open.qty(), open.entryPrice(), open.entryValue(),
                    open.entryQuoteFee(), open.openedAt(), run.lastClose(), Instant.ofEpochMilli(run.lastCloseTime()),
                    Map.of()));
        }
        return report.build();
    }

    /** The store's tradeSums query, over the run's round trips. */
    private static TradeTotals totals(RunRecord run) {
        long wins = 0;
        long losses = 0;
        BigDecimal grossProfit = BigDecimal.ZERO;
        BigDecimal grossLoss = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal best = null;
        BigDecimal worst = null;
        BigDecimal capital = null;
        long durationMillis = 0;
        Instant first = null;
        Instant last = null;
        for (RoundTrip t : run.roundTrips()) {
            BigDecimal pnl = t.netPnl();
            if (pnl.signum() > 0) {
                wins++;
                grossProfit = grossProfit.add(pnl);
            } else if (pnl.signum() < 0) {
                losses++;
                grossLoss = grossLoss.add(pnl);
            }
            net = net.add(pnl);
            best = best == null || pnl.compareTo(best) > 0 ? pnl : best;
            worst = worst == null || pnl.compareTo(worst) < 0 ? pnl : worst;
            capital = capital == null || t.entryValue().compareTo(capital) > 0 ? t.entryValue() : capital;
            durationMillis += Duration.between(t.openedAt(), t.closedAt()).toMillis();
            first = first == null || t.openedAt().isBefore(first) ? t.openedAt() : first;
            last = last == null || t.closedAt().isAfter(last) ? t.closedAt() : last;
        }
        return new TradeTotals(run.roundTrips().size(), wins, losses, grossProfit, grossLoss, net, best, worst,
                BigDecimal.valueOf(durationMillis, 3), capital, first, last);
    }
}
