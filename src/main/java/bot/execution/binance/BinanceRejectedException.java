package bot.execution.binance;

/** The exchange answered and refused the request: it had no effect (-2010, -1013, -2013, ...). */
public final class BinanceRejectedException extends BinanceException {
    private final BinanceError error;

    public BinanceRejectedException(BinanceError error) {
        super(error.toString(), null);
        this.error = error;
    }

    public BinanceError error() {
        return error;
    }

    public int code() {
        return error.code();
    }
}
