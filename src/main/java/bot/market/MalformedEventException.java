package bot.market;

/**
 * A message that is not a sound kline event of a subscribed stream. Carries the stream when it
 * could be told, for the log. No stack trace: a flood of garbage must stay cheap to reject.
 */
public final class MalformedEventException extends Exception {
    private final transient KlineStream stream;

    public MalformedEventException(String message, KlineStream stream) {
        super(message, null, false, false);
        this.stream = stream;
    }

    /** The stream the message claimed to belong to, or null when it could not be told. */
    public KlineStream stream() {
        return stream;
    }
}
