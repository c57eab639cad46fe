package bot.engine;

import bot.domain.ExecutionReport;

/**
 * What one gateway answer changes, written in one transaction: the order's status and fills, and
 * when the order is final the position after it ({@code holding}) and the round trip it closed.
 * {@code holding} null leaves the position as it is; {@code roundTrip} null closes none.
 */
public record Settlement(long orderId, ExecutionReport report, Holding holding, RoundTrip roundTrip) {

    public static Settlement statusOnly(long orderId, ExecutionReport report) {
        return new Settlement(orderId, report, null, null);
    }
}
