package bot.engine;

import java.util.regex.Pattern;

/**
 * Client order ids: {@code b<strategyId>-<signal candle open time in seconds, base 36>-<sequence, base 36>}.
 * The sequence comes from the journal and is never reused, so neither is an id, even across restarts
 * (Binance accepts a filled order's id again, which would buy twice).
 */
final class ClientOrderIds {
    static final Pattern VALID = Pattern.compile("^[a-zA-Z0-9_-]{1,36}$");

    private ClientOrderIds() {
    }

    static String of(long strategyId, long candleOpenTime, long sequence) {
        String id = "b" + strategyId + "-" + Long.toString(candleOpenTime / 1000, 36) + "-" + Long.toString(sequence, 36);
        if (!VALID.matcher(id).matches()) {
            throw new IllegalStateException("client order id " + id + " does not match " + VALID.pattern());
        }
        return id;
    }
}
