package bot.engine;

/** The strategy cannot trade: its state could not be reconciled at start; the message says why. */
public final class TradingHaltedException extends Exception {
    public TradingHaltedException(String message) {
        super(message);
    }
}
