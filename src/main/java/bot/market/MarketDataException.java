package bot.market;

/** Market data that could not be had: a warm-up or gap fill that failed for good. */
public final class MarketDataException extends RuntimeException {

    public MarketDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
