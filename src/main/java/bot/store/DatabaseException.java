package bot.store;

/** The database cannot be reached or prepared; the message is fit for a person and holds no password. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message) {
        super(message);
    }
}
