package bot.testing;

/** What {@link FakeBinanceExchange} can do to a request instead of answering it normally. */
public enum FakeFault {
    /** HTTP 502 with an HTML page; the order is not executed. */
    SERVER_ERROR_BEFORE_EXECUTION(false),
    /** The order is executed, then HTTP 503 with -1007 "execution status unknown". */
    SERVER_ERROR_AFTER_EXECUTION(true),
    /** The order is executed, then no answer at all: the client's read timeout fires. */
    TIMEOUT_AFTER_EXECUTION(true),
    /** The order is executed, then the connection is closed without an answer. */
    DISCONNECT_AFTER_EXECUTION(true),
    /** HTTP 429 with Retry-After; the order is not executed and the host must be left alone until then. */
    RATE_LIMITED(false);

    private final boolean executes;

    FakeFault(boolean executes) {
        this.executes = executes;
    }

    /** Whether the request takes effect before the fault hides the answer. */
    public boolean executes() {
        return executes;
    }
}
