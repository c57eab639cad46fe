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
 * @param attachDelay         streams warmed up within this time join a connection together (one attempt, not one each)
 * @param reconnectBase       first backoff step between failing connection attempts
 * @param reconnectCap        longest backoff between failing connection attempts
 * @param restRetryBase       first backoff step between REST retries
 * @param restRetryCap        longest backoff between REST retries
 * @param streamsPerConnection at most this many streams share one connection (Binance: 1024)
 */
public record FeedTimings(
        Duration pingInterval,
        Duration silenceTimeout,
        Duration maxConnectionAge,
        Duration watchPeriod,
        Duration attachDelay,
        Duration reconnectBase,
        Duration reconnectCap,
        Duration restRetryBase,
        Duration restRetryCap,
        int streamsPerConnection) {

    public FeedTimings {
        if (streamsPerConnection < 1 || streamsPerConnection > 1024) {
            throw new IllegalArgumentException("streamsPerConnection must be 1..1024");
        }
    }

    public static FeedTimings defaults() {
        return new FeedTimings(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofHours(23),
                Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(60),
                Duration.ofMillis(250), Duration.ofSeconds(30), 1024);
    }

    public FeedTimings withSilenceTimeout(Duration timeout) {
        return new FeedTimings(pingInterval, timeout, maxConnectionAge, watchPeriod, attachDelay, reconnectBase,
                reconnectCap, restRetryBase, restRetryCap, streamsPerConnection);
    }

    public FeedTimings withMaxConnectionAge(Duration age) {
        return new FeedTimings(pingInterval, silenceTimeout, age, watchPeriod, attachDelay, reconnectBase,
                reconnectCap, restRetryBase, restRetryCap, streamsPerConnection);
    }

    public FeedTimings withWatchPeriod(Duration period) {
        return new FeedTimings(pingInterval, silenceTimeout, maxConnectionAge, period, attachDelay, reconnectBase,
                reconnectCap, restRetryBase, restRetryCap, streamsPerConnection);
    }

    public FeedTimings withAttachDelay(Duration delay) {
        return new FeedTimings(pingInterval, silenceTimeout, maxConnectionAge, watchPeriod, delay, reconnectBase,
                reconnectCap, restRetryBase, restRetryCap, streamsPerConnection);
    }

    public FeedTimings withReconnectBackoff(Duration base, Duration cap) {
        return new FeedTimings(pingInterval, silenceTimeout, maxConnectionAge, watchPeriod, attachDelay, base, cap,
                restRetryBase, restRetryCap, streamsPerConnection);
    }

    public FeedTimings withRestRetry(Duration base, Duration cap) {
        return new FeedTimings(pingInterval, silenceTimeout, maxConnectionAge, watchPeriod, attachDelay, reconnectBase,
                reconnectCap, base, cap, streamsPerConnection);
    }

    public FeedTimings withStreamsPerConnection(int streams) {
        return new FeedTimings(pingInterval, silenceTimeout, maxConnectionAge, watchPeriod, attachDelay, reconnectBase,
                reconnectCap, restRetryBase, restRetryCap, streams);
    }
}
