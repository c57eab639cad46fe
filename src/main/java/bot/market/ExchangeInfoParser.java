package bot.market;

import bot.domain.SymbolRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code GET /api/v3/exchangeInfo} into {@link SymbolRules}: status, assets and the filters
 * PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE, NOTIONAL (or the older MIN_NOTIONAL). Decimals are read
 * from their text, so they keep Binance's exact value and scale; an absent filter gives zeros (off).
 */
final class ExchangeInfoParser {
    private ExchangeInfoParser() {
    }

    /** Every symbol in the response, in its order. */
    static List<SymbolRules> parse(JsonNode root) {
        JsonNode symbols = root.path("symbols");
        if (!symbols.isArray()) {
            throw new IllegalArgumentException("exchangeInfo has no symbols array");
        }
        List<SymbolRules> rules = new ArrayList<>(symbols.size());
        for (JsonNode symbol : symbols) {
            rules.add(symbol(symbol));
        }
        return rules;
    }

    private static SymbolRules symbol(JsonNode s) {
        JsonNode price = filter(s, "PRICE_FILTER");
        JsonNode lot = filter(s, "LOT_SIZE");
        JsonNode marketLot = filter(s, "MARKET_LOT_SIZE");
        JsonNode notional = filter(s, "NOTIONAL");
        boolean modern = !notional.isMissingNode();
        if (!modern) {
            notional = filter(s, "MIN_NOTIONAL");
        }
        return new SymbolRules(
                text(s, "symbol"),
                text(s, "status"),
                text(s, "baseAsset"),
                text(s, "quoteAsset"),
                decimal(price, "minPrice"),
                decimal(price, "maxPrice"),
                decimal(price, "tickSize"),
                decimal(lot, "minQty"),
                decimal(lot, "maxQty"),
                decimal(lot, "stepSize"),
                decimal(marketLot, "minQty"),
                decimal(marketLot, "maxQty"),
                decimal(marketLot, "stepSize"),
                decimal(notional, "minNotional"),
                notional.path(modern ? "applyMinToMarket" : "applyToMarket").asBoolean(false),
                decimal(notional, "maxNotional"),
                notional.path("applyMaxToMarket").asBoolean(false));
    }

    private static JsonNode filter(JsonNode symbol, String type) {
        for (JsonNode filter : symbol.path("filters")) {
            if (type.equals(filter.path("filterType").asText())) {
                return filter;
            }
        }
        return MissingNode.getInstance();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("exchangeInfo symbol without " + field);
        }
        return value.asText();
    }

    private static BigDecimal decimal(JsonNode filter, String field) {
        JsonNode value = filter.get(field);
        if (value == null || value.isNull()) {
            return BigDecimal.ZERO;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("exchangeInfo " + filter.path("filterType").asText() + "." + field
                    + " is not a decimal: '" + value.asText() + "'");
        }
    }
}
