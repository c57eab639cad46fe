package bot.rest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The limits the bot keeps to, per host: request weight per minute and orders per 10 seconds and
 * per day, as exchangeInfo {@code rateLimits[]} lists them. Missing entries keep the safe defaults
 * (Binance's lowest published values).
 */
public record RateLimits(int weightPerMinute, int ordersPer10Seconds, int ordersPerDay) {
    public static final RateLimits DEFAULTS = new RateLimits(1200, 50, 160_000);

    public static RateLimits fromExchangeInfo(JsonNode exchangeInfo) {
        int weight = DEFAULTS.weightPerMinute;
        int orders10s = DEFAULTS.ordersPer10Seconds;
        int ordersDay = DEFAULTS.ordersPerDay;
        for (JsonNode limit : exchangeInfo.path("rateLimits")) {
            String type = limit.path("rateLimitType").asText();
            String window = limit.path("interval").asText() + "/" + limit.path("intervalNum").asInt();
            int value = limit.path("limit").asInt(0);
            if (value <= 0) {
                continue;
            }
            switch (type + " " + window) {
                case "REQUEST_WEIGHT MINUTE/1" -> weight = value;
                case "ORDERS SECOND/10" -> orders10s = value;
                case "ORDERS DAY/1" -> ordersDay = value;
                default -> {
                    // other windows (RAW_REQUESTS, ORDERS per minute ...) are not tracked
                }
            }
        }
        return new RateLimits(weight, orders10s, ordersDay);
    }
}
