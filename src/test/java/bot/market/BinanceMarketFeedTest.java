package bot.market;

import static bot.market.RecordingListener.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.engine.StreamUnavailableException;
import bot.engine.Subscription;
import bot.rest.RestHosts;
import bot.testing.FakeBinance;
import bot.testing.RecordedCandles;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The feed against the fake Binance on loopback with the real XRPETH series: every failure ends
 * with the exact, in-order sequence of closed candles, each once. The feed's clock is fake, so
 * silence and connection age are reached by moving it, never by waiting.
 */
class BinanceMarketFeedTest {
    private static final List<Candle> SERIES = RecordedCandles.xrpeth1m();
    private static final List<Candle> SERIES_5M = RecordedCandles.ohlcv("xrpeth-5m-2019-10-11.json", "XRPETH", Interval.M5);
    private static final int START = 2000;   // the candle forming when the feed starts

    private final RecordingListener listener = new RecordingListener();
    private FakeBinance binance;
    private MutableClock clock;
    private BinanceMarketFeed feed;
    private Subscription subscription;
    private ListAppender<ILoggingEvent> errors;

    private static FeedTimings timings() {
        return FeedTimings.defaults()
                .withSilenceTimeout(Duration.ofSeconds(30))
                .withWatchPeriod(Duration.ofMillis(20))
                .withReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(100))
                .withRestRetry(Duration.ofMillis(5), Duration.ofMillis(50))
                .withAttachDelay(Duration.ofMillis(100));
    }

    private void startFeed(int warmup, FeedTimings timings) {
        binance = new FakeBinance(SERIES.get(START).openTime() + 30_000);
        binance.addCandles(SERIES);
        clock = new MutableClock(binance.serverTime());
        feed = new BinanceMarketFeed(RestHosts.standard(Clock.systemUTC()).host(binance.restUrl()), binance.wsUrl(),
                new OkHttpClient(), clock,
                ConnectionAttemptBudget.binance(clock), timings, new SplittableRandom(1));
        subscription = feed.subscribe("XRPETH", Interval.M1, warmup, listener);
    }

    /** Waits until the streams subscribed so far are warmed up, connected and caught up with the exchange once. */
    private void startAndCatchUp(int streams) throws Exception {
        subscription.await();
        awaitConnections(1, 1);
        // each stream asked the server's time to warm up, then again to catch up after connecting: no tick is stale
        await(() -> binance.requests("/api/v3/time") >= 2 * streams, "caught up after connecting");
    }

    private void startAndCatchUp() throws Exception {
        startAndCatchUp(1);
    }

    private void awaitConnections(int attempts, int open) {
        await(() -> binance.connectionAttempts() >= attempts && binance.openConnections() == open,
                "expected " + attempts + " attempts and " + open + " open, got " + binance.connectionAttempts()
                        + " and " + binance.openConnections());
    }

    private void stream(int count) {
        for (int i = 0; i < count; i++) {
            binance.streamNext("XRPETH", Interval.M1);
        }
    }

    /** Streams one more candle and waits for it: everything before it is then delivered for good. */
    private List<Candle> closedUpTo(int lastIndex) {
        binance.streamNext("XRPETH", Interval.M1);
        List<Candle> closed = listener.awaitClosedUpTo(SERIES.get(lastIndex));
        assertEquals(SERIES.subList(START, lastIndex + 1), closed);
        return closed;
    }

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
        if (binance != null) {
            binance.close();
        }
        if (errors != null) {
            ((Logger) LoggerFactory.getLogger(KlineConnection.class)).detachAppender(errors);
        }
    }

    @Test
    void warmsUpOverSeveralPagesThenDeliversLiveCandlesOnceInOrder() throws Exception {
        startFeed(1500, timings());
        startAndCatchUp();
        assertEquals(List.of(SERIES.subList(START - 1500, START)), listener.histories);
        assertTrue(binance.requests("/api/v3/klines") >= 2, "paged");
        stream(3);
        closedUpTo(START + 3);
        assertEquals("history", listener.calls.get(0));
        assertEquals(2 * 4, listener.ticks.size(), "partial updates are passed on as ticks");
        assertTrue(listener.ticks.stream().noneMatch(Candle::closed));
    }

    @Test
    void aDroppedConnectionIsReconnectedAndWhatClosedMeanwhileIsFilledIn() throws Exception {
        startFeed(50, timings());
        startAndCatchUp();
        stream(2);
        binance.dropConnections();
        binance.setServerTime(SERIES.get(START + 5).openTime() + 10_000);   // 2002..2004 close unseen
        awaitConnections(2, 1);
        stream(2);
        closedUpTo(START + 7);
    }

    @Test
    void aStalledConnectionIsDeclaredDeadAfterTheSilenceTimeout() throws Exception {
        startFeed(50, timings());
        startAndCatchUp();
        stream(1);
        listener.awaitClosedUpTo(SERIES.get(START));
        binance.stall();
        stream(2);                                    // nobody hears these
        clock.advance(Duration.ofSeconds(31));
        awaitConnections(2, 1);
        stream(1);
        closedUpTo(START + 4);
    }

    @Test
    void aSkippedFinalUpdateIsFetchedOverRest() throws Exception {
        startFeed(50, timings());
        startAndCatchUp();
        int restCalls = binance.requests("/api/v3/klines");
        stream(1);
        binance.streamNext("XRPETH", Interval.M1, false);
        stream(1);
        closedUpTo(START + 3);
        assertTrue(binance.requests("/api/v3/klines") > restCalls, "the lost candle came over REST");
        assertEquals(1, binance.connectionAttempts());
    }

    @Test
    void serverShutdownOpensANewConnectionBeforeClosingTheOld() throws Exception {
        startFeed(50, timings());
        startAndCatchUp();
        stream(1);
        binance.sendServerShutdown();
        await(() -> binance.connectionsClosedByClient() == 1, "the client closes the old connection itself");
        awaitConnections(2, 1);
        stream(2);
        closedUpTo(START + 3);
    }

    @Test
    void aConnectionIsReplacedBeforeItsAgeLimitWithoutAGap() throws Exception {
        startFeed(50, timings().withMaxConnectionAge(Duration.ofSeconds(20)));
        startAndCatchUp();
        stream(1);
        clock.advance(Duration.ofSeconds(21));        // old enough, not silent
        await(() -> binance.connectionsClosedByClient() == 1, "the client closes the old connection itself");
        awaitConnections(2, 1);
        stream(2);
        closedUpTo(START + 3);
    }

    @Test
    void garbageAndImpossibleCandlesAreDroppedAndLoggedWhileTheOtherStreamGoesOn() throws Exception {
        errors = new ListAppender<>();
        errors.start();
        ((Logger) LoggerFactory.getLogger(KlineConnection.class)).addAppender(errors);
        startFeed(10, timings());
        binance.addCandles(SERIES_5M);
        RecordingListener fiveMinutes = new RecordingListener();
        feed.subscribe("XRPETH", Interval.M5, 10, fiveMinutes).await();
        startAndCatchUp(2);

        Candle real = SERIES.get(START);
        Candle impossible = new Candle("XRPETH", Interval.M1, real.openTime(), real.closeTime(), real.open(), real.low(),
                real.high().add(BigDecimal.ONE), real.close(), real.volume(), real.quoteVolume(), 0, true);
        binance.sendRaw("garbage");
        binance.sendRaw("{\"stream\":\"xrpeth@kline_1m\",\"data\":{\"e\":\"kline\",\"k\":{\"t\":1}}}");
        binance.sendCandle(impossible, binance.serverTime(), true);
        stream(5);
        Candle fiveMinute = binance.streamNext("XRPETH", Interval.M5);

        assertEquals(SERIES_5M.get(START / 5), fiveMinute);
        assertEquals(List.of(fiveMinute), fiveMinutes.awaitClosedUpTo(fiveMinute));
        closedUpTo(START + 5);
        List<ILoggingEvent> logged = errors.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
        assertEquals(3, logged.size(), logged.toString());
        String impossibleLine = logged.get(2).getFormattedMessage() + Arrays.toString(logged.get(2).getArgumentArray());
        assertTrue(impossibleLine.contains("high below low") && impossibleLine.contains("symbol=XRPETH")
                && impossibleLine.contains("interval=1m"), impossibleLine);
        assertTrue(Arrays.toString(logged.get(0).getArgumentArray()).contains("symbol=unknown"));
    }

    @Test
    void streamsBeyondTheConnectionLimitGetTheirOwnConnection() throws Exception {
        startFeed(0, timings().withStreamsPerConnection(1));
        binance.addCandles(SERIES_5M);
        RecordingListener fiveMinutes = new RecordingListener();
        feed.subscribe("XRPETH", Interval.M5, 3, fiveMinutes).await();
        subscription.await();
        assertEquals(List.of(List.of()), listener.histories);
        assertEquals(List.of(SERIES_5M.subList(START / 5 - 3, START / 5)), fiveMinutes.histories);
        awaitConnections(2, 2);
        stream(4);
        closedUpTo(START + 4);
    }

    @Test
    void refusedConnectionsAreRetriedWithBackoffUntilOneOpens() throws Exception {
        startFeed(5, timings());
        binance.refuseConnections(true);
        subscription.await();
        await(() -> binance.connectionAttempts() >= 3, "retried");
        stream(2);                                    // closes while no connection is up
        binance.refuseConnections(false);
        await(() -> binance.openConnections() == 1, "connected");
        stream(1);
        closedUpTo(START + 3);
    }

    @Test
    void nothingIsDeliveredAfterClose() throws Exception {
        startFeed(5, timings());
        startAndCatchUp();
        stream(1);
        listener.awaitClosedUpTo(SERIES.get(START));
        feed.close();
        int calls = listener.calls.size();
        stream(2);
        await(() -> binance.openConnections() == 0, "closed");
        assertEquals(calls, listener.calls.size());
    }

    @Test
    void aListenerJoiningARunningStreamGetsItsHistoryUpToTheLastDeliveredCandleThenTheSameCandles() throws Exception {
        startFeed(5, timings());
        startAndCatchUp();
        stream(3);
        listener.awaitClosedUpTo(SERIES.get(START + 2));
        RecordingListener late = new RecordingListener();
        feed.subscribe("XRPETH", Interval.M1, 10, late).await();
        assertEquals(List.of(SERIES.subList(START + 3 - 10, START + 3)), late.histories);
        stream(2);
        closedUpTo(START + 5);
        assertEquals(SERIES.subList(START + 3, START + 6), late.awaitClosedUpTo(SERIES.get(START + 5)));
        assertEquals(1, binance.connectionAttempts(), "a listener of a running stream needs no new connection");
    }

    @Test
    void aStreamAddedWhileAnotherRunsJoinsItsConnectionWithoutAGapInTheOther() throws Exception {
        startFeed(5, timings());
        binance.addCandles(SERIES_5M);
        startAndCatchUp();
        stream(2);
        RecordingListener fiveMinutes = new RecordingListener();
        feed.subscribe("XRPETH", Interval.M5, 3, fiveMinutes).await();
        awaitConnections(2, 1);
        await(() -> binance.connectionsClosedByClient() == 1, "the old socket is closed once the new one is open");
        stream(3);
        Candle fiveMinute = binance.streamNext("XRPETH", Interval.M5);
        assertEquals(List.of(fiveMinute), fiveMinutes.awaitClosedUpTo(fiveMinute));
        closedUpTo(START + 5);
    }

    @Test
    void aSymbolTheExchangeDoesNotKnowFailsItsSubscriptionAloneWhileTheOtherStreamGoesOn() throws Exception {
        startFeed(5, timings());
        RecordingListener unknown = new RecordingListener();
        Subscription refused = feed.subscribe("NOPEETH", Interval.M1, 5, unknown);
        StreamUnavailableException e = assertThrows(StreamUnavailableException.class, refused::await);
        assertTrue(e.getMessage().contains("-1121") && e.getMessage().contains("nopeeth@kline_1m"), e.getMessage());
        startAndCatchUp();
        stream(2);
        closedUpTo(START + 2);
        assertTrue(unknown.calls.isEmpty());
    }

    @Test
    void theWarmUpWaitsOutAnOutageSayingSoOncePerMinuteThenTheStreamRuns() throws Exception {
        ListAppender<ILoggingEvent> outageLines = new ListAppender<>();
        outageLines.start();
        Logger outageLogger = (Logger) LoggerFactory.getLogger(OutageLog.class);
        outageLogger.addAppender(outageLines);
        outageLogger.setLevel(Level.INFO);
        try {
            binance = new FakeBinance(SERIES.get(START).openTime() + 30_000);
            binance.addCandles(SERIES);
            binance.outage(503);
            clock = new MutableClock(binance.serverTime());
            feed = new BinanceMarketFeed(bot.rest.RestHosts.standard(java.time.Clock.systemUTC()).host(binance.restUrl()), binance.wsUrl(), new OkHttpClient(), clock,
                    ConnectionAttemptBudget.binance(clock), timings(), new SplittableRandom(1));
            subscription = feed.subscribe("XRPETH", Interval.M1, 5, listener);
            await(() -> binance.requests("/api/v3/time") >= 10, "retried through the outage");
            assertEquals(1, outageLines.list.size(), "one line, not one per attempt: " + outageLines.list);
            assertTrue(outageLines.list.get(0).getFormattedMessage().contains("does not answer"));
            clock.advance(Duration.ofSeconds(61));
            int requests = binance.requests("/api/v3/time");
            await(() -> binance.requests("/api/v3/time") > requests + 3, "retried on");
            assertEquals(2, outageLines.list.size(), "a minute on, one more line: " + outageLines.list);
            assertTrue(outageLines.list.get(1).getFormattedMessage().contains("still waiting"));
            assertFalse(subscription.isDone());

            binance.outage(0);
            subscription.await();
            assertEquals(List.of(SERIES.subList(START - 5, START)), listener.histories);
            awaitConnections(1, 1);
            await(() -> outageLines.list.stream().anyMatch(e -> e.getFormattedMessage().contains("answers again")),
                    "the end of the outage is logged");
            await(() -> binance.requests("/api/v3/time") >= requests + 5, "caught up after connecting");
            stream(2);
            closedUpTo(START + 2);
        } finally {
            outageLogger.detachAppender(outageLines);
            outageLogger.setLevel(null);
        }
    }

    @Test
    void rateLimitedWarmUpsWaitForRetryAfter() throws Exception {
        binance = new FakeBinance(SERIES.get(START).openTime() + 30_000);
        binance.addCandles(SERIES);
        binance.failNext("/api/v3/time", 1, 429, 1);
        clock = new MutableClock(binance.serverTime());
        feed = new BinanceMarketFeed(bot.rest.RestHosts.standard(java.time.Clock.systemUTC()).host(binance.restUrl()), binance.wsUrl(), new OkHttpClient(), clock,
                ConnectionAttemptBudget.binance(clock), timings(), new SplittableRandom(1));
        long t0 = System.nanoTime();
        feed.subscribe("XRPETH", Interval.M1, 5, listener).await();
        long waited = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        assertTrue(waited >= 1000, "retried after " + waited + " ms, before Retry-After's second");
        assertEquals(List.of(SERIES.subList(START - 5, START)), listener.histories);
    }

    @Test
    void closingFailsSubscriptionsStillWaitingForTheirWarmUp() throws Exception {
        binance = new FakeBinance(SERIES.get(START).openTime() + 30_000);
        binance.addCandles(SERIES);
        binance.outage(503);
        clock = new MutableClock(binance.serverTime());
        feed = new BinanceMarketFeed(bot.rest.RestHosts.standard(java.time.Clock.systemUTC()).host(binance.restUrl()), binance.wsUrl(), new OkHttpClient(), clock,
                ConnectionAttemptBudget.binance(clock), timings(), new SplittableRandom(1));
        Subscription waiting = feed.subscribe("XRPETH", Interval.M1, 5, listener);
        await(() -> binance.requests("/api/v3/time") >= 2, "warming up");
        feed.close();
        assertThrows(StreamUnavailableException.class, waiting::await);
        assertTrue(listener.calls.isEmpty());
    }
}
