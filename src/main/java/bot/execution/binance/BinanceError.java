package bot.execution.binance;

/** An error answer of the exchange: HTTP status and Binance's {@code {"code":..,"msg":..}} body. */
public record BinanceError(int httpStatus, int code, String msg) {
    public static final int UNEXPECTED_RESPONSE = -1006;
    public static final int TIMEOUT = -1007;
    public static final int TIMESTAMP_OUTSIDE_RECV_WINDOW = -1021;
    public static final int INVALID_SYMBOL = -1121;
    public static final int NO_SUCH_ORDER = -2013;

    /** -1006/-1007: the exchange itself says the execution status is unknown. */
    public boolean outcomeUnknown() {
        return code == UNEXPECTED_RESPONSE || code == TIMEOUT || httpStatus >= 500;
    }

    @Override
    public String toString() {
        return "HTTP " + httpStatus + " " + code + " " + msg;
    }
}
