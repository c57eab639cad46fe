package bot.engine;

import bot.domain.ExecutionReport;

/**
 * What one gateway answer changes, written in one transaction: the order's status and fills, and
 * when the order is final its commissions valued in the quote asset ({@code fees}), the position
 * after it ({@code holding}) and the round trip it closed. {@code fees} null leaves the order's
 * valuation as it is; {@code holding} null leaves the position as it is; {@code roundTrip} null
 * closes none.
 */
public record Settlement(long orderId, ExecutionReport report, FeeValuation fees, Holding holding,
        RoundTrip roundTrip) {

    public static Settlement statusOnly(long orderId, ExecutionReport report) {
        return new Settlement(orderId, report, null, null, null);
    }
}
