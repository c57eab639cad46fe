package bot.engine;

/** A market stream cannot be had (the exchange does not know the symbol, the feed closed); the message says why. */
public final class StreamUnavailableException extends Exception {
    public StreamUnavailableException(String message) {
        super(message);
    }
}
