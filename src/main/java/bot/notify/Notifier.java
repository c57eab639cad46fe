package bot.notify;

/**
 * Where notices go. {@link #publish} never blocks and never throws: callers (a runner's journal
 * write, a risk check) are on the trading path; a notice that cannot be taken is dropped and logged.
 */
@FunctionalInterface
public interface Notifier {
    /** Notifications turned off. */
    Notifier NONE = notice -> { };

    void publish(Notice notice);
}
