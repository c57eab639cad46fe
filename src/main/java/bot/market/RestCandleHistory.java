package bot.market;

import bot.domain.Candle;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * Gap fills over REST, insisting through transient failures until they succeed or the feed
 * closes (which interrupts the worker): a stream rather waits than skips candles.
 */
final class RestCandleHistory implements CandleHistory {
    private final KlinesClient klines;
    private final FailsafeExecutor<List<Candle>> retries;

    /** Waits told to a log of its own (tests). */
    RestCandleHistory(KlinesClient klines, FullJitterBackoff backoff) {
        this(klines, backoff, OutageLog.everyMinute("Binance's REST API", java.time.Clock.systemUTC()));
    }

    RestCandleHistory(KlinesClient klines, FullJitterBackoff backoff, OutageLog outage) {
        this.klines = klines;
        this.retries = Failsafe.with(RestRetries.<List<Candle>>transientFailures(backoff, -1, "gap fill", outage));
    }

    @Override
    public List<Candle> closed(KlineStream stream, long fromOpenTime, long toOpenTime) {
        try {
            return retries.get(() -> fetch(stream, fromOpenTime, toOpenTime));
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof InterruptedException
                    || cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException)) {
                Thread.currentThread().interrupt();
            }
            throw new MarketDataException("cannot fetch " + stream + " candles from " + fromOpenTime + ": "
                    + cause.getMessage(), cause);
        }
    }

    private List<Candle> fetch(KlineStream stream, long from, long to) throws IOException {
        // A bounded range ends before a candle the stream has already shown: all of it is closed.
        long serverTime = to == Long.MAX_VALUE ? klines.serverTime() : Long.MAX_VALUE;
        return klines.closedCandles(stream, from, to, serverTime);
    }
}
