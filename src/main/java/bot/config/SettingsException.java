package bot.config;

/** A setting that is unknown or malformed; the message names it and says what is wrong. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
