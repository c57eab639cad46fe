package bot.market;

import java.time.Duration;

/**
 * The time limits of the kline feed. Binance pings every 20 s and drops a connection after 24 h;
 * kline streams push every 1-2 s, so a minute without a message means the connection is dead.
 *
 * @param pingInterval        how often OkHttp pings; a pong missing by the next ping fails the socket
 * @param silenceTimeout      a connection with no message for this long is treated as dead
 * @param maxConnectionAge    a connection is replaced (new one first, no gap) when this old
 * @param watchPeriod         how often silence and age are checked
 * @param stableAfter         a connection that lived this long resets the reconnect backoff
 * @param reconnectBase       first backoff step between connection attempts
 * @param reconnectCap        longest backoff between connection attempts
 * @param restRetryBase       first backoff step between REST retries
 * @param restRetryCap        longest backoff between REST retries
 * @param warmupRetries       REST retries before a warm-up fails
 * @param streamsPerConnection at most this many streams share one connection (Binance: 1024)
 */
public record FeedTimings(
        Duration pingInterval,
        Duration silenceTimeout,
        Duration maxConnectionAge,
        Duration watchPeriod,
        Duration stableAfter,
        Duration reconnectBase,
        Duration reconnectCap,
        Duration restRetryBase,
        Duration restRetryCap,
        int warmupRetries,
        int streamsPerConnection) {

    public FeedTimings {
        if (streamsPerConnection < 1 || streamsPerConnection > 1024) {
            throw new IllegalArgumentException("streamsPerConnection must be 1..1024");
        }
    }

    public static FeedTimings defaults() {
        return new FeedTimings(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofHours(23),
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(60),
                Duration.ofMillis(250), Duration.ofSeconds(30), 5, 1024);
    }

    public FeedTimings withSilenceTimeout(Duration timeout) {
        return new FeedTimings(pingInterval, timeout, maxConnectionAge, watchPeriod, stableAfter, reconnectBase,
                reconnectCap, restRetryBase, restRetryCap, warmupRetries, streamsPerConnection);
    }

    public FeedTimings withMaxConnectionAge(Duration age) {
        return new FeedTimings(pingInterval, silenceTimeout, age, watchPeriod, stableAfter, reconnectBase,
                reconnectCap, restRetryBase, restRetryCap, warmupRetries, streamsPerConnection);
    }

    public FeedTimings withWatchPeriod(Duration period) {
        return new FeedTimings(pingInterval, silenceTimeout, maxConnectionAge, period, stableAfter, reconnectBase,
                reconnectCap, restRetryBase, restRetryCap, warmupRetries, streamsPerConnection);
    }

    public FeedTimings withReconnectBackoff(Duration base, Duration cap) {
        return new FeedTimings(pingInterval, silenceTimeout, maxConnectionAge, watchPeriod, stableAfter, base, cap,
                restRetryBase, restRetryCap, warmupRetries, streamsPerConnection);
    }

    public FeedTimings withRestRetry(Duration base, Duration cap, int warmupRetries) {
        return new FeedTimings(pingInterval, silenceTimeout, maxConnectionAge, watchPeriod, stableAfter, reconnectBase,
                reconnectCap, base, cap, warmupRetries, streamsPerConnection);
    }

    public FeedTimings withStreamsPerConnection(int streams) {
        return new FeedTimings(pingInterval, silenceTimeout, maxConnectionAge, watchPeriod, stableAfter, reconnectBase,
                reconnectCap, restRetryBase, restRetryCap, warmupRetries, streams);
    }
}
