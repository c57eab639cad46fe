package bot.domain;

/**
 * Journal states of an order. {@code PENDING}: journaled, not yet answered by the gateway.
 * {@code UNKNOWN}: sent, but the outcome is not known (timeout, 5xx); it must be looked up before
 * anything else is sent for that strategy. The rest are Binance's own.
 */
public enum OrderStatus {
    PENDING(false),
    UNKNOWN(false),
    NEW(false),
    PARTIALLY_FILLED(false),
    FILLED(true),
    CANCELED(true),
    REJECTED(true),
    EXPIRED(true),
    EXPIRED_IN_MATCH(true);

    private final boolean terminal;

    OrderStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** True when the exchange will never change this order again. */
    public boolean isTerminal() {
        return terminal;
    }
}
