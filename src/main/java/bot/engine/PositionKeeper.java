package bot.engine;

import bot.domain.ExecutionReport;
import bot.domain.Fill;
import bot.domain.MarketOrderFilters;
import bot.domain.Money;
import bot.domain.Position;
import bot.domain.Side;
import bot.domain.SymbolRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns a final execution report into the position after it and, for a SELL, the round trip it
 * closed. A BUY keeps its executed quantity less any base-asset commission, rounded down to the
 * step size; a SELL that sells less than the position (an expired partial fill) closes that part.
 * Net PnL subtracts the commissions charged in the quote asset and those charged in a third asset
 * (BNB) valued at their price; a third-asset commission never touches the base quantity.
 */
final class PositionKeeper {

    private PositionKeeper() {
    }

    static Settlement settle(long orderId, Side side, ExecutionReport report, Holding before, SymbolRules rules) {
        if (report.executedQty().signum() == 0) {
            return Settlement.statusOnly(orderId, report);
        }
        return side == Side.BUY ? afterBuy(orderId, report, rules) : afterSell(orderId, report, before, rules);
    }

    private static Settlement afterBuy(long orderId, ExecutionReport report, SymbolRules rules) {
        List<Fill> fills = report.fills();
        BigDecimal baseFee = Commissions.chargedIn(fills, rules.baseAsset());
        BigDecimal sellable = Money.floorToStep(report.executedQty().subtract(baseFee), MarketOrderFilters.stepSize(rules));
        FeeValuation fees = Commissions.valuation(fills, rules);
        Holding holding = new Holding(new Position(rules.symbol(), sellable, report.averagePrice()), orderId,
                report.executedQty(), report.quoteQty(), fees.inQuote(), Commissions.outsideQuantity(fills, rules),
                time(report), fees.unvalued());
        return new Settlement(orderId, report, fees, holding, null);
    }

    private static Settlement afterSell(long orderId, ExecutionReport report, Holding before, SymbolRules rules) {
        BigDecimal held = before.position().quantity();
        BigDecimal sold = report.executedQty();
        boolean whole = sold.compareTo(held) >= 0;
        BigDecimal part = whole ? BigDecimal.ONE : sold.divide(held, Money.PRICE_CONTEXT);
        BigDecimal entryValue = share(before.entryCost(), part, whole);
        BigDecimal entryFees = share(before.entryFeeQuote(), part, whole);
        BigDecimal entryQuoteFee = share(before.entryQuoteFee(), part, whole);
        FeeValuation exitFees = Commissions.valuation(report.fills(), rules);
        BigDecimal exitQuoteFee = Commissions.outsideQuantity(report.fills(), rules);
        BigDecimal net = report.quoteQty().subtract(entryValue).subtract(entryQuoteFee).subtract(exitQuoteFee);
        BigDecimal fees = entryFees.add(exitFees.inQuote());
        Map<String, BigDecimal> unvalued = FeeValuation.plus(
                whole ? before.entryUnvaluedFees() : FeeValuation.scaled(before.entryUnvaluedFees(), part),
                exitFees.unvalued());
        RoundTrip trip = new RoundTrip(before.entryOrderId(), orderId, sold, before.position().entryPrice(),
                report.averagePrice(), entryValue, report.quoteQty(), fees, net, net.add(fees), before.openedAt(),
                time(report), unvalued);
        Holding after = whole ? Holding.flat(rules.symbol()) : remainder(before, held.subtract(sold), part);
        return new Settlement(orderId, report, exitFees, after, trip);
    }

    private static Holding remainder(Holding before, BigDecimal quantity, BigDecimal soldPart) {
        BigDecimal keep = BigDecimal.ONE.subtract(soldPart);
        return new Holding(new Position(before.position().symbol(), quantity, before.position().entryPrice()),
                before.entryOrderId(), before.entryQty(), before.entryCost().multiply(keep),
                before.entryFeeQuote().multiply(keep), before.entryQuoteFee().multiply(keep), before.openedAt(),
                FeeValuation.scaled(before.entryUnvaluedFees(), keep));
    }

    private static BigDecimal share(BigDecimal value, BigDecimal part, boolean whole) {
        BigDecimal v = value == null ? BigDecimal.ZERO : value;
        return whole ? v : v.multiply(part);
    }

    /** When it happened: the last fill, else the report's time. */
    private static Instant time(ExecutionReport report) {
        return report.fills().stream().map(Fill::time).reduce((a, b) -> b).orElse(report.time());
    }
}
