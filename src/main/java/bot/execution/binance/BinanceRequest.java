package bot.execution.binance;

import bot.rest.RestWeights;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One REST request before it is signed: parameters in the order they are sent, its weight, and
 * whether it counts as an order and needs a signature. Parameters of a signed request go in the
 * body when it has one, else in the query string.
 */
public record BinanceRequest(
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> body,
        int weight,
        boolean order,
        boolean signed) {

    public BinanceRequest {
        query = new LinkedHashMap<>(query);
        body = new LinkedHashMap<>(body);
    }

    public static BinanceRequest publicGet(String path, Map<String, String> query, int weight) {
        return new BinanceRequest("GET", path, query, Map.of(), weight, false, false);
    }

    public static BinanceRequest signedGet(String path, Map<String, String> query, int weight) {
        return new BinanceRequest("GET", path, query, Map.of(), weight, false, true);
    }

    /** A new order: signed, parameters in the body, counted against the order limits. */
    public static BinanceRequest newOrder(Map<String, String> body) {
        return new BinanceRequest("POST", "/api/v3/order", Map.of(), body, RestWeights.NEW_ORDER, true, true);
    }
}
