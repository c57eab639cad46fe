package bot.engine;

/** The strategy must stop trading: an order's outcome could not be learned; the message says which and why. */
public final class TradingHaltedException extends Exception {
    public TradingHaltedException(String message) {
        super(message);
    }
}
