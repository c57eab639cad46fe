package bot.rest;

/**
 * The request weight of each endpoint the bot calls, as Binance's spot REST documentation lists it
 * (binance-spot-api-docs, rest-api.md). The budget reserves these before a request goes out.
 */
public final class RestWeights {
    /** {@code GET /api/v3/time}. */
    public static final int TIME = 1;
    /** {@code GET /api/v3/klines}, whatever the limit. */
    public static final int KLINES = 2;
    /** {@code GET /api/v3/exchangeInfo}, with or without a symbol. */
    public static final int EXCHANGE_INFO = 20;
    /** {@code GET /api/v3/ticker/price} for one symbol. */
    public static final int TICKER_PRICE = 2;
    /** {@code GET /api/v3/order}: one order's status. */
    public static final int ORDER_LOOKUP = 4;
    /** {@code GET /api/v3/myTrades} with an orderId (20 without one). */
    public static final int ORDER_TRADES = 5;
    /** {@code GET /api/v3/account}. */
    public static final int ACCOUNT = 20;
    /** {@code POST /api/v3/order}: 1 (0 once accepted, since 2026-04-02; reserving 1 is the safe side). */
    public static final int NEW_ORDER = 1;

    private RestWeights() {
    }
}
