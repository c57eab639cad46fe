package bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** The JSON Binance answers with, built from the fake's records (decimals as 8-decimal strings). */
final class FakeJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ZERO = "0.00000000";

    private FakeJson() {
    }

    /** exchangeInfo, or with {@code symbol} only that symbol's entry. */
    static String exchangeInfo(JsonNode exchangeInfo, String symbol) {
        if (symbol == null) {
            return exchangeInfo.toString();
        }
        ObjectNode copy = exchangeInfo.deepCopy();
        ArrayNode symbols = copy.putArray("symbols");
        for (JsonNode s : exchangeInfo.path("symbols")) {
            if (s.path("symbol").asText().equals(symbol)) {
                symbols.add(s);
            }
        }
        if (symbols.isEmpty()) {
            throw FakeError.badRequest(-1121, "Invalid symbol.").refusal();
        }
        return copy.toString();
    }

    /**
     * XRPETH as Binance listed it in October 2019 (the month of the XRPETH candle recording): whole
     * XRP, prices in steps of 1e-8 ETH, at least 0.01 ETH per order; the same as {@link Rules#xrpEth()}.
     */
    static ObjectNode xrpEth2019() {
        ObjectNode symbol = MAPPER.createObjectNode().put("symbol", "XRPETH").put("status", "TRADING")
                .put("baseAsset", "XRP").put("baseAssetPrecision", 8).put("quoteAsset", "ETH")
                .put("quotePrecision", 8).put("quoteAssetPrecision", 8).put("isSpotTradingAllowed", true);
        symbol.putArray("orderTypes").add("LIMIT").add("LIMIT_MAKER").add("MARKET").add("STOP_LOSS_LIMIT")
                .add("TAKE_PROFIT_LIMIT");
        ArrayNode filters = symbol.putArray("filters");
        filters.addObject().put("filterType", "PRICE_FILTER").put("minPrice", "0.00000001")
                .put("maxPrice", "1000.00000000").put("tickSize", "0.00000001");
        filters.addObject().put("filterType", "LOT_SIZE").put("minQty", "1.00000000")
                .put("maxQty", "90000000.00000000").put("stepSize", "1.00000000");
        filters.addObject().put("filterType", "MIN_NOTIONAL").put("minNotional", "0.01000000")
                .put("applyToMarket", true).put("avgPriceMins", 5);
        filters.addObject().put("filterType", "MARKET_LOT_SIZE").put("minQty", "0.00000000")
                .put("maxQty", "0.00000000").put("stepSize", "0.00000000");
        symbol.putArray("permissions").add("SPOT");
        return symbol;
    }

    static String error(FakeError error) {
        return MAPPER.createObjectNode().put("code", error.code()).put("msg", error.msg()).toString();
    }

    /** The answer of {@code POST /api/v3/order} for {@code newOrderRespType} ACK, RESULT or FULL. */
    static String newOrder(FakeOrder order, String respType) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("symbol", order.symbol())
                .put("orderId", order.orderId())
                .put("orderListId", -1)
                .put("clientOrderId", order.clientOrderId())
                .put("transactTime", order.time());
        if (respType.equals("ACK")) {
            return node.toString();
        }
        node.put("price", ZERO)
                .put("origQty", text(order.origQty()))
                .put("executedQty", text(order.executedQty()))
                .put("origQuoteOrderQty", ZERO)
                .put("cummulativeQuoteQty", text(order.cummulativeQuoteQty()))
                .put("status", order.status())
                .put("timeInForce", "GTC")
                .put("type", "MARKET")
                .put("side", order.side())
                .put("workingTime", order.time())
                .put("selfTradePreventionMode", "EXPIRE_MAKER");
        if (respType.equals("FULL")) {
            ArrayNode fills = node.putArray("fills");
            for (FakeTrade t : order.trades()) {
                fills.addObject().put("price", text(t.price())).put("qty", text(t.qty()))
                        .put("commission", text(t.commission())).put("commissionAsset", t.commissionAsset())
                        .put("tradeId", t.id());
            }
        }
        return node.toString();
    }

    /** An order as {@code GET /api/v3/order} shows it: no fills, no commissions. */
    static String order(FakeOrder order) {
        return MAPPER.createObjectNode()
                .put("symbol", order.symbol())
                .put("orderId", order.orderId())
                .put("orderListId", -1)
                .put("clientOrderId", order.clientOrderId())
                .put("price", ZERO)
                .put("origQty", text(order.origQty()))
                .put("executedQty", text(order.executedQty()))
                .put("cummulativeQuoteQty", text(order.cummulativeQuoteQty()))
                .put("status", order.status())
                .put("timeInForce", "GTC")
                .put("type", "MARKET")
                .put("side", order.side())
                .put("stopPrice", ZERO)
                .put("icebergQty", ZERO)
                .put("time", order.time())
                .put("updateTime", order.time())
                .put("isWorking", true)
                .put("workingTime", order.time())
                .put("origQuoteOrderQty", ZERO)
                .put("selfTradePreventionMode", "EXPIRE_MAKER")
                .toString();
    }

    static String trades(Iterable<FakeTrade> trades) {
        ArrayNode array = MAPPER.createArrayNode();
        for (FakeTrade t : trades) {
            array.addObject()
                    .put("symbol", t.symbol())
                    .put("id", t.id())
                    .put("orderId", t.orderId())
                    .put("orderListId", -1)
                    .put("price", text(t.price()))
                    .put("qty", text(t.qty()))
                    .put("quoteQty", text(t.quoteQty()))
                    .put("commission", text(t.commission()))
                    .put("commissionAsset", t.commissionAsset())
                    .put("time", t.time())
                    .put("isBuyer", t.buyer())
                    .put("isMaker", false)
                    .put("isBestMatch", true);
        }
        return array.toString();
    }

    static String account(Map<String, BigDecimal> balances, long now) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("makerCommission", 10).put("takerCommission", 10)
                .put("canTrade", true).put("canWithdraw", false).put("canDeposit", false)
                .put("updateTime", now).put("accountType", "SPOT");
        ArrayNode list = node.putArray("balances");
        balances.forEach((asset, free) -> list.addObject().put("asset", asset).put("free", text(free)).put("locked", ZERO));
        node.putArray("permissions").add("SPOT");
        return node.toString();
    }

    private static String text(BigDecimal value) {
        return value.setScale(Math.max(8, value.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }
}
