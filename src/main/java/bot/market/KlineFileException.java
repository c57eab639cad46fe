package bot.market;

/** A kline file that is not Binance's format: the reason, with the line when one row is at fault. */
public final class KlineFileException extends Exception {
    private final int line;

    public KlineFileException(int line, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
    }

    /** The 1-based line at fault, or 0 when the file as a whole is. */
    public int line() {
        return line;
    }
}
