package bot.testing;

import bot.domain.SymbolRules;
import bot.engine.SymbolRulesSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Symbol rules for tests: BTCUSDT/ETHUSDT read from the real 2021 exchangeInfo, XRPETH made by hand. */
public final class Rules {

    private Rules() {
    }

    /** A symbol of exchange-info-2021.json (BTCUSDT or ETHUSDT), filters read with a tiny parser. */
    public static SymbolRules fromExchangeInfo(String symbol) {
        try {
            for (JsonNode s : new ObjectMapper().readTree(TestData.text("exchange-info-2021.json")).get("symbols")) {
                if (s.get("symbol").asText().equals(symbol)) {
                    return parse(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no symbol " + symbol + " in exchange-info-2021.json");
    }

    private static SymbolRules parse(JsonNode s) {
        JsonNode price = filter(s, "PRICE_FILTER");
        JsonNode lot = filter(s, "LOT_SIZE");
        JsonNode market = filter(s, "MARKET_LOT_SIZE");
        JsonNode notional = filter(s, "MIN_NOTIONAL");
        return new SymbolRules(s.get("symbol").asText(), s.get("status").asText(), s.get("baseAsset").asText(),
                s.get("quoteAsset").asText(), dec(price, "minPrice"), dec(price, "maxPrice"), dec(price, "tickSize"),
                dec(lot, "minQty"), dec(lot, "maxQty"), dec(lot, "stepSize"), dec(market, "minQty"),
                dec(market, "maxQty"), dec(market, "stepSize"), dec(notional, "minNotional"),
                notional.get("applyToMarket").asBoolean(), BigDecimal.ZERO, false);
    }

    private static JsonNode filter(JsonNode symbol, String type) {
        for (JsonNode f : symbol.get("filters")) {
            if (f.get("filterType").asText().equals(type)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no filter " + type);
    }

    private static BigDecimal dec(JsonNode filter, String field) {
        return new BigDecimal(filter.get(field).asText());
    }

    /** XRPETH as Binance listed it in 2019: whole XRP, price in 1e-8 ETH, minNotional 0.01 ETH. */
    public static SymbolRules xrpEth() {
        return new SymbolRules("XRPETH", "TRADING", "XRP", "ETH", new BigDecimal("0.00000001"), new BigDecimal("1000"),
                new BigDecimal("0.00000001"), BigDecimal.ONE, new BigDecimal("90000000"), BigDecimal.ONE,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.01"), true, BigDecimal.ZERO, false);
    }

    public static SymbolRulesSource source(SymbolRules... rules) {
        Map<String, SymbolRules> bySymbol = new java.util.HashMap<>();
        for (SymbolRules r : rules) {
            bySymbol.put(r.symbol(), r);
        }
        return symbol -> Optional.ofNullable(bySymbol.get(symbol));
    }
}
