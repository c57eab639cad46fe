package bot.execution.binance;

import bot.domain.ExecutionReport;
import bot.domain.Fill;
import bot.domain.OrderStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Binance's order and trade JSON as {@link ExecutionReport}s; decimals are read from their strings. */
final class ExecutionReportParser {

    private ExecutionReportParser() {
    }

    /** A FULL answer of {@code POST /api/v3/order}: the order with its fills. */
    static ExecutionReport fromOrderResponse(JsonNode order) {
        Instant time = Instant.ofEpochMilli(order.path("transactTime").asLong());
        List<Fill> fills = new ArrayList<>();
        for (JsonNode fill : order.path("fills")) {
            fills.add(new Fill(fill.path("tradeId").asText(), decimal(fill, "price"), decimal(fill, "qty"),
                    decimal(fill, "commission"), fill.path("commissionAsset").asText(), time));
        }
        return report(order, fills, time);
    }

    /** An order of {@code GET /api/v3/order} with its trades from {@code GET /api/v3/myTrades}. */
    static ExecutionReport fromOrderAndTrades(JsonNode order, JsonNode trades) {
        List<Fill> fills = new ArrayList<>();
        for (JsonNode trade : trades) {
            if (trade.path("orderId").asLong() != order.path("orderId").asLong()) {
                continue;
            }
            fills.add(new Fill(trade.path("id").asText(), decimal(trade, "price"), decimal(trade, "qty"),
                    decimal(trade, "commission"), trade.path("commissionAsset").asText(),
                    Instant.ofEpochMilli(trade.path("time").asLong())));
        }
        long updated = order.path("updateTime").asLong(order.path("time").asLong());
        return report(order, fills, Instant.ofEpochMilli(updated));
    }

    /** True when the fills add up to the executed quantity (the trade list may lag the order). */
    static boolean fillsComplete(ExecutionReport report) {
        BigDecimal filled = report.fills().stream().map(Fill::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
        return filled.compareTo(report.executedQty()) == 0;
    }

    static OrderStatus status(String binanceStatus) {
        return switch (binanceStatus) {
            case "NEW", "PENDING_NEW" -> OrderStatus.NEW;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED" -> OrderStatus.CANCELED;
            case "REJECTED" -> OrderStatus.REJECTED;
            case "EXPIRED" -> OrderStatus.EXPIRED;
            case "EXPIRED_IN_MATCH" -> OrderStatus.EXPIRED_IN_MATCH;
            default -> OrderStatus.UNKNOWN;
        };
    }

    private static ExecutionReport report(JsonNode order, List<Fill> fills, Instant time) {
        return new ExecutionReport(order.path("clientOrderId").asText(), status(order.path("status").asText()),
                order.path("orderId").asText(), decimal(order, "executedQty"), decimal(order, "cummulativeQuoteQty"),
                fills, null, time);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("Binance answer without '" + field + "'");
        }
        return new BigDecimal(value.asText());
    }
}
