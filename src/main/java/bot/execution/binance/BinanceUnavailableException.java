package bot.execution.binance;

/**
 * No answer that says what happened: a 5xx, -1006/-1007, 429/418, a timeout or a broken
 * connection. {@code sent} is false only when the request never left the process (the host's
 * budget kept it back), so it certainly had no effect; otherwise an order may have been executed.
 */
public final class BinanceUnavailableException extends BinanceException {
    private final boolean sent;

    public BinanceUnavailableException(String message, boolean sent, Throwable cause) {
        super(message, cause);
        this.sent = sent;
    }

    public boolean sent() {
        return sent;
    }
}
