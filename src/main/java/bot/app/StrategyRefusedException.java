package bot.app;

/**
 * A strategy cannot run for now; the message says why. {@code passing} when the cause may go by
 * itself soon (the exchange unreachable): it is then tried again sooner, with backoff.
 */
final class StrategyRefusedException extends Exception {
    private final boolean passing;

    StrategyRefusedException(String message, boolean passing) {
        super(message, null, false, false);
        this.passing = passing;
    }

    boolean passing() {
        return passing;
    }
}
