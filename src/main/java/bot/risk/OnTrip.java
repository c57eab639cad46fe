package bot.risk;

/** What a trip does besides stopping entries. */
public enum OnTrip {
    /** No entries; open positions keep their exits. */
    HALT,
    /** No entries, and every open position of the scope is sold at once. */
    FLATTEN
}
