package bot.engine;

import bot.domain.ExecutionReport;
import bot.domain.Side;

/** A final journal order that executed something: its side and what the gateway reported, fills included. */
public record RecordedExecution(long orderId, Side side, ExecutionReport report) {
}
