package bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A symbol of exchangeInfo with the filters that decide a MARKET order: LOT_SIZE, MARKET_LOT_SIZE,
 * MIN_NOTIONAL / NOTIONAL (a zero value switches a rule off, as on Binance).
 */
record FakeSymbolFilters(String symbol, String baseAsset, String quoteAsset, int basePrecision,
        Map<String, JsonNode> filters) {

    static Map<String, FakeSymbolFilters> parse(JsonNode exchangeInfo) {
        Map<String, FakeSymbolFilters> symbols = new HashMap<>();
        for (JsonNode s : exchangeInfo.path("symbols")) {
            Map<String, JsonNode> filters = new HashMap<>();
            for (JsonNode f : s.path("filters")) {
                filters.put(f.path("filterType").asText(), f);
            }
            symbols.put(s.path("symbol").asText(), new FakeSymbolFilters(s.path("symbol").asText(),
                    s.path("baseAsset").asText(), s.path("quoteAsset").asText(),
                    s.path("baseAssetPrecision").asInt(8), filters));
        }
        return symbols;
    }

    /** The name of the first filter a MARKET order of {@code qty} at {@code price} fails, if any. */
    Optional<String> failure(BigDecimal qty, BigDecimal price) {
        if (!lotSizeOk("LOT_SIZE", qty)) {
            return Optional.of("LOT_SIZE");
        }
        if (!lotSizeOk("MARKET_LOT_SIZE", qty)) {
            return Optional.of("MARKET_LOT_SIZE");
        }
        BigDecimal notional = qty.multiply(price);
        JsonNode min = filters.get("MIN_NOTIONAL");
        if (min != null && min.path("applyToMarket").asBoolean(true)
                && notional.compareTo(decimal(min, "minNotional")) < 0) {
            return Optional.of("MIN_NOTIONAL");
        }
        JsonNode range = filters.get("NOTIONAL");
        if (range != null) {
            if (range.path("applyMinToMarket").asBoolean(true) && notional.compareTo(decimal(range, "minNotional")) < 0) {
                return Optional.of("NOTIONAL");
            }
            BigDecimal max = decimal(range, "maxNotional");
            if (range.path("applyMaxToMarket").asBoolean(false) && max.signum() > 0 && notional.compareTo(max) > 0) {
                return Optional.of("NOTIONAL");
            }
        }
        return Optional.empty();
    }

    private boolean lotSizeOk(String type, BigDecimal qty) {
        JsonNode f = filters.get(type);
        if (f == null) {
            return true;
        }
        BigDecimal minQty = decimal(f, "minQty");
        BigDecimal maxQty = decimal(f, "maxQty");
        BigDecimal step = decimal(f, "stepSize");
        if (minQty.signum() > 0 && qty.compareTo(minQty) < 0 || maxQty.signum() > 0 && qty.compareTo(maxQty) > 0) {
            return false;
        }
        return step.signum() == 0 || qty.subtract(minQty).remainder(step).signum() == 0;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(node.path(field).asText("0"));
    }
}
