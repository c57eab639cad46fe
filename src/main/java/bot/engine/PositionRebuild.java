package bot.engine;

import bot.domain.Side;
import bot.domain.SymbolRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A strategy's position computed again from the journal's executions, oldest first, by the same
 * rules that recorded it. The fills are the record; the positions row is what the last answer
 * left, so the two must agree before the strategy trades again.
 */
final class PositionRebuild {

    private PositionRebuild() {
    }

    static Holding from(String symbol, List<RecordedExecution> executions, SymbolRules rules) {
        Holding holding = Holding.flat(symbol);
        for (RecordedExecution execution : executions) {
            Settlement settlement = PositionKeeper.settle(execution.orderId(), execution.side(), execution.report(),
                    holding, rules);
            if (settlement.holding() != null) {
                holding = settlement.holding();
            }
        }
        return holding;
    }

    /**
     * Whether the recorded position is the one the fills give: both flat, or the same entry order
     * and price, with no more than the fills since that entry leave (bought less base commission,
     * less sold). The quantity is not compared to the rebuilt one exactly: it was rounded to the
     * step size of its day, and Binance changes steps now and then.
     */
    static boolean agree(Holding recorded, Holding rebuilt, List<RecordedExecution> executions, String baseAsset) {
        if (recorded.isFlat() || rebuilt.isFlat()) {
            return recorded.isFlat() && rebuilt.isFlat();
        }
        return Objects.equals(recorded.entryOrderId(), rebuilt.entryOrderId())
                && recorded.position().entryPrice().compareTo(rebuilt.position().entryPrice()) == 0
                && recorded.position().quantity().compareTo(netSince(recorded.entryOrderId(), executions, baseAsset)) <= 0;
    }

    static String describe(Holding holding) {
        return holding.isFlat() ? "flat" : holding.position().quantity().toPlainString() + " at "
                + holding.position().entryPrice().toPlainString() + " (entry order " + holding.entryOrderId() + ")";
    }

    private static BigDecimal netSince(long entryOrderId, List<RecordedExecution> executions, String baseAsset) {
        BigDecimal net = BigDecimal.ZERO;
        for (RecordedExecution execution : executions) {
            if (execution.orderId() < entryOrderId) {
                continue;
            }
            BigDecimal executed = execution.report().executedQty();
            net = execution.side() == Side.BUY
                    ? net.add(executed).subtract(Commissions.chargedIn(execution.report().fills(), baseAsset))
                    : net.subtract(executed);
        }
        return net;
    }
}
