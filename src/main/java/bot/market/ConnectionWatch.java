package bot.market;

/** Tells from the clock whether a connection has gone silent or is due for replacement. */
final class ConnectionWatch {

    enum Verdict { HEALTHY, SILENT, DUE_FOR_REPLACEMENT }

    private final long silenceMillis;
    private final long maxAgeMillis;

    ConnectionWatch(FeedTimings timings) {
        this.silenceMillis = timings.silenceTimeout().toMillis();
        this.maxAgeMillis = timings.maxConnectionAge().toMillis();
    }

    Verdict check(long now, long openedAt, long lastMessageAt) {
        if (now - lastMessageAt >= silenceMillis) {
            return Verdict.SILENT;
        }
        if (now - openedAt >= maxAgeMillis) {
            return Verdict.DUE_FOR_REPLACEMENT;
        }
        return Verdict.HEALTHY;
    }
}
