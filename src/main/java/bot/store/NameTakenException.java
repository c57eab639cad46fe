package bot.store;

/** An insert met the unique name of an existing row (two set-up commands raced). */
public final class NameTakenException extends RuntimeException {
    public NameTakenException(String table, String name) {
        super(table + " already has one named '" + name + "'");
    }
}
