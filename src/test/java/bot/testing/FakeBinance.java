package bot.testing;

import bot.domain.Candle;
import bot.domain.Interval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A fake Binance on loopback for tests: REST {@code /api/v3/time}, {@code /api/v3/klines} (from the
 * candle series it holds) and {@code /api/v3/exchangeInfo} (the 2021 recording), and kline streams on
 * {@code /stream?streams=..} (combined) and {@code /ws/<stream>} (plain) in the recordings' format.
 * Its clock is fixed and moves only when the test moves it or streams a candle. The test drives the
 * streams: push the next candle, skip its final update, drop or stall connections, announce a
 * shutdown, send garbage, refuse connections, and count connection attempts. On demand its REST
 * side counts request weight per minute as Binance does ({@link #limitWeight}), answering 429 with
 * Retry-After past the limit and 418 to whatever comes before that, and records each request's time.
 */
public final class FakeBinance implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final CuttableServerSockets connections = new CuttableServerSockets();
    private final Map<Key, NavigableMap<Long, Candle>> series = new HashMap<>();
    /** Per series, the open time of the next candle to stream. */
    private final Map<Key, Long> cursors = new HashMap<>();
    private final List<StreamSocket> sockets = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final AtomicInteger connectionAttempts = new AtomicInteger();
    /** The startTime of each klines request answered 200 (null when it had none), in arrival order. */
    private final List<Long> klinesStarts = new CopyOnWriteArrayList<>();
    private final AtomicInteger closedByClient = new AtomicInteger();
    private volatile boolean refuseConnections;
    private volatile boolean hangUpAtOnce;
    /** While non-zero, every request (REST and stream upgrades) answers this HTTP status. */
    private volatile int outageStatus;
    private final Map<String, FailingAnswer> failureAnswers = new ConcurrentHashMap<>();

    private record FailingAnswer(int status, int code, String retryAfter) {
    }
    private long serverTime;
    /** Null until {@link #limitWeight}: then REST requests spend weight by this clock. */
    private Clock limitClock;
    private FakeRateLimits limits;
    private Duration nextRateLimit;
    private final List<RestCall> restCalls = new ArrayList<>();
    private final List<RestCall> earlyCalls = new ArrayList<>();
    /** Binance's documented weights of the endpoints the fake serves. */
    private static final Map<String, Integer> WEIGHTS = Map.of("/api/v3/time", 1, "/api/v3/klines", 2,
            "/api/v3/exchangeInfo", 20);

    /** One REST request as it arrived: when (by the limiting clock), where, its weight, and the status answered. */
    public record RestCall(Instant time, String path, int weight, int status) {
    }

    private record Key(String symbol, Interval interval) {
    }

    public FakeBinance(long serverTime) {
        this.serverTime = serverTime;
        server.setServerSocketFactory(connections);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The REST base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String restUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** The stream base URL, e.g. {@code ws://127.0.0.1:41234}. */
    public String wsUrl() {
        return "ws" + restUrl().substring("http".length());
    }

    // ---- the clock and the data ----

    public synchronized long serverTime() {
        return serverTime;
    }

    /** Moves the clock; candles that close meanwhile are on REST but never streamed. */
    public synchronized void setServerTime(long time) {
        serverTime = time;
        cursors.replaceAll((key, cursor) -> forming(key, time));
    }

    /** Adds candles to the exchange's history (REST serves those opened by the server time). */
    public synchronized void addCandles(Collection<Candle> candles) {
        for (Candle c : candles) {
            Key key = new Key(c.symbol(), c.interval());
            series.computeIfAbsent(key, k -> new TreeMap<>()).put(c.openTime(), c);
            cursors.put(key, forming(key, serverTime));
        }
    }

    /** The open time of the candle forming at {@code time} (or the first after it). */
    private long forming(Key key, long time) {
        NavigableMap<Long, Candle> candles = series.get(key);
        Map.Entry<Long, Candle> floor = candles.floorEntry(time);
        if (floor != null && floor.getValue().closeTime() >= time) {
            return floor.getKey();
        }
        Long next = candles.higherKey(time);
        return next == null ? Long.MAX_VALUE : next;
    }

    // ---- streaming ----

    /** Streams the next candle: two partial updates, the clock to its close, then the final x=true update. */
    public Candle streamNext(String symbol, Interval interval) {
        return streamNext(symbol, interval, true);
    }

    /** As {@link #streamNext(String, Interval)}; without the final update when {@code sendFinal} is false. */
    public Candle streamNext(String symbol, Interval interval, boolean sendFinal) {
        Candle c;
        long partialTime;
        synchronized (this) {
            Key key = new Key(symbol, interval);
            Long cursor = cursors.get(key);
            c = cursor == null ? null : series.get(key).get(cursor);
            if (c == null) {
                throw new IllegalStateException("no candle left to stream for " + symbol + " " + interval);
            }
            serverTime = Math.max(serverTime, c.openTime());
            partialTime = serverTime;
            Long next = series.get(key).higherKey(c.openTime());
            cursors.put(key, next == null ? Long.MAX_VALUE : next);
        }
        Candle opening = new Candle(c.symbol(), c.interval(), c.openTime(), c.closeTime(), c.open(), c.open(), c.open(),
                c.open(), c.volume().multiply(BigDecimal.ZERO), c.quoteVolume().multiply(BigDecimal.ZERO),
                0, false);
        sendCandle(opening, partialTime, false);
        sendCandle(c, partialTime, false);
        long closeTime;
        synchronized (this) {
            serverTime = Math.max(serverTime, c.closeTime() + 1);
            closeTime = serverTime;
        }
        if (sendFinal) {
            sendCandle(c, closeTime, true);
        }
        return c;
    }

    /** Sends one kline event for {@code candle} as it is (sound or not) to the sockets subscribed to its stream. */
    public void sendCandle(Candle candle, long eventTime, boolean closed) {
        String stream = BinanceJson.streamName(candle);
        String event = BinanceJson.klineEvent(candle, eventTime, closed);
        for (StreamSocket socket : sockets) {
            if (socket.streams.contains(stream) && !socket.stalled) {
                socket.webSocket.send(socket.combined ? BinanceJson.combined(stream, event) : event);
            }
        }
    }

    /** Sends {@code text} as it is to every open socket. */
    public void sendRaw(String text) {
        for (StreamSocket socket : sockets) {
            if (!socket.stalled) {
                socket.webSocket.send(text);
            }
        }
    }

    /** Announces a planned shutdown on every open socket (the sockets stay open). */
    public void sendServerShutdown() {
        String event = "{\"e\":\"serverShutdown\",\"E\":" + serverTime() + "}";
        for (StreamSocket socket : sockets) {
            socket.webSocket.send(socket.combined ? BinanceJson.combined("!serverShutdown", event) : event);
        }
    }

    /** Cuts every TCP connection (streams and REST) without a close handshake, as a network failure would. */
    public void dropConnections() {
        sockets.clear();
        connections.cutAll();
    }

    /** The open sockets go quiet (they still answer pings); sockets opened later are not stalled. */
    public void stall() {
        sockets.forEach(socket -> socket.stalled = true);
    }

    /** While true, stream connections are accepted and closed at once, before any data. */
    public void hangUpAtOnce(boolean hangUp) {
        hangUpAtOnce = hangUp;
    }

    /** Answers upgrade requests with HTTP 503 while true. */
    public void refuseConnections(boolean refuse) {
        refuseConnections = refuse;
    }

    /** Upgrade requests so far (refused ones included). */
    public int connectionAttempts() {
        return connectionAttempts.get();
    }

    public int openConnections() {
        return sockets.size();
    }

    /** Stream connections the client closed with a close frame (not dropped, not cut by the fake). */
    public int connectionsClosedByClient() {
        return closedByClient.get();
    }

    /** The startTime of each klines request answered with rows (null when it had none), in arrival order. */
    public List<Long> klinesStartTimes() {
        return java.util.Collections.unmodifiableList(new ArrayList<>(klinesStarts));
    }

    /** Requests so far to a REST path, e.g. {@code /api/v3/klines}. */
    public int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    /**
     * From now on each REST request spends its weight against {@code weightPerMinute} per minute of
     * {@code clock}: past it, a 429 with Retry-After until the next minute, and any request before
     * that moment is answered 418 and recorded as early.
     */
    public synchronized void limitWeight(Clock clock, int weightPerMinute) {
        limitClock = clock;
        limits = new FakeRateLimits(weightPerMinute);
    }

    /** The next REST request is answered 429 with this Retry-After (needs {@link #limitWeight}). */
    public synchronized void rateLimitNext(Duration retryAfter) {
        nextRateLimit = retryAfter;
    }

    /** REST requests since {@link #limitWeight}, in arrival order. */
    public synchronized List<RestCall> restCalls() {
        return List.copyOf(restCalls);
    }

    /** REST requests that arrived while a Retry-After said to wait. */
    public synchronized List<RestCall> earlyCalls() {
        return List.copyOf(earlyCalls);
    }

    /** The next {@code times} requests to {@code path} answer HTTP {@code 503}. */
    public void failNext(String path, int times) {
        failNext(path, times, 503, null);
    }

    /** The next {@code times} requests to {@code path} answer HTTP {@code status} (429: with {@code retryAfterSeconds}, if not null). */
    public void failNext(String path, int times, int status, Integer retryAfterSeconds) {
        failureAnswers.put(path, new FailingAnswer(status, status == 429 ? -1003 : -1001,
                retryAfterSeconds == null ? null : retryAfterSeconds.toString()));
        failures.computeIfAbsent(path, p -> new AtomicInteger()).addAndGet(times);
    }

    /**
     * An outage: while {@code status} is not 0 every request, REST or stream, answers that HTTP
     * status (503: Binance's side is down; 429: rate limited); 0 ends it.
     */
    public void outage(int status) {
        outageStatus = status;
    }

    // ---- serving ----

    private MockResponse answer(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        String path = url.encodedPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        int outage = outageStatus;
        if (outage != 0) {
            if (path.equals("/stream") || path.startsWith("/ws/")) {
                connectionAttempts.incrementAndGet();
            }
            return failure(new FailingAnswer(outage, outage == 429 ? -1003 : -1001, outage == 429 ? "1" : null));
        }
        AtomicInteger failing = failures.get(path);
        if (failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return failure(failureAnswers.getOrDefault(path, new FailingAnswer(503, -1001, null)));
        }
        if (path.equals("/stream") || path.startsWith("/ws/")) {
            return upgrade(url, path);
        }
        MockResponse limited = spendWeight(path);
        if (limited != null) {
            return limited;
        }
        return withUsedWeight(switch (path) {
            case "/api/v3/time" -> json(200, "{\"serverTime\":" + serverTime() + "}");
            case "/api/v3/klines" -> klines(url);
            case "/api/v3/exchangeInfo" -> RecordedExchangeInfo.answer(url);
            default -> json(404, BinanceJson.error(-1000, "not found"));
        });
    }

    /** Null when the request may be answered; else the 429 or 418 it gets instead. */
    private synchronized MockResponse spendWeight(String path) {
        if (limits == null) {
            return null;
        }
        Instant now = limitClock.instant();
        int weight = WEIGHTS.getOrDefault(path, 1);
        if (limits.banned(now)) {
            RestCall call = new RestCall(now, path, weight, 418);
            restCalls.add(call);
            earlyCalls.add(call);
            return json(418, BinanceJson.error(-1003, "Way too much request weight used; IP banned until "
                    + limits.bannedUntil().toEpochMilli() + "."))
                    .setHeader("Retry-After", secondsUntil(now, limits.bannedUntil()));
        }
        if (nextRateLimit != null || !limits.spend(weight, now.toEpochMilli())) {
            limits.ban(now.plus(nextRateLimit != null ? nextRateLimit : limits.untilNextWindow(now.toEpochMilli())));
            nextRateLimit = null;
            restCalls.add(new RestCall(now, path, weight, 429));
            return json(429, BinanceJson.error(-1003, "Too much request weight used; current limit is "
                    + limits.weightLimit() + " request weight per 1 MINUTE."))
                    .setHeader("Retry-After", secondsUntil(now, limits.bannedUntil()));
        }
        restCalls.add(new RestCall(now, path, weight, 200));
        return null;
    }

    private synchronized MockResponse withUsedWeight(MockResponse response) {
        return limits == null ? response : response.setHeader("X-MBX-USED-WEIGHT-1M", Integer.toString(limits.used()));
    }

    private static String secondsUntil(Instant now, Instant until) {
        long millis = Duration.between(now, until).toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }

    private MockResponse upgrade(HttpUrl url, String path) {
        connectionAttempts.incrementAndGet();
        if (refuseConnections) {
            return json(503, "");
        }
        if (hangUpAtOnce) {
            return new MockResponse().withWebSocketUpgrade(new okhttp3.WebSocketListener() {
                @Override
                public void onOpen(okhttp3.WebSocket webSocket, okhttp3.Response response) {
                    webSocket.close(1001, "going away");
                }
            });
        }
        boolean combined = path.equals("/stream");
        String names = combined ? url.queryParameter("streams") : path.substring("/ws/".length());
        if (names == null || names.isEmpty()) {
            return json(400, BinanceJson.error(-1100, "no streams"));
        }
        return new MockResponse().withWebSocketUpgrade(new StreamSocket(Set.of(names.split("/")), combined, sockets,
                closedByClient));
    }

    private MockResponse klines(HttpUrl url) {
        String symbol = url.queryParameter("symbol");
        Interval interval;
        try {
            interval = Interval.parse(url.queryParameter("interval"));
        } catch (RuntimeException e) {
            return json(400, BinanceJson.error(-1120, "Invalid interval."));
        }
        List<Candle> rows;
        synchronized (this) {
            if (series.keySet().stream().noneMatch(key -> key.symbol().equals(symbol))) {
                return json(400, BinanceJson.error(-1121, "Invalid symbol."));
            }
            rows = select(series.getOrDefault(new Key(symbol, interval), new TreeMap<>()), url);
        }
        String start = url.queryParameter("startTime");
        klinesStarts.add(start == null ? null : Long.valueOf(start));
        StringBuilder body = new StringBuilder("[");
        for (Candle row : rows) {
            body.append(body.length() > 1 ? "," : "").append(BinanceJson.klineRow(row));
        }
        return json(200, body.append(']').toString());
    }

    /** Binance's rules: opened by the server time, startTime..endTime, the oldest first from startTime, else the latest. */
    private List<Candle> select(NavigableMap<Long, Candle> candles, HttpUrl url) {
        int limit = Math.min(1000, Integer.parseInt(orDefault(url.queryParameter("limit"), "500")));
        String start = url.queryParameter("startTime");
        long end = Math.min(serverTime, Long.parseLong(orDefault(url.queryParameter("endTime"), Long.toString(Long.MAX_VALUE))));
        long from = start == null ? Long.MIN_VALUE : Long.parseLong(start);
        if (from > end) {
            return List.of();
        }
        List<Candle> range = new ArrayList<>(candles.subMap(from, true, end, true).values());
        if (start != null) {
            return List.copyOf(range.subList(0, Math.min(limit, range.size())));
        }
        return List.copyOf(range.subList(Math.max(0, range.size() - limit), range.size()));
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static MockResponse failure(FailingAnswer answer) {
        MockResponse response = json(answer.status(), BinanceJson.error(answer.code(), answer.status() == 429
                ? "Too much request weight used; current limit is 6000 request weight per 1 MINUTE."
                : "Internal error; unable to process your request. Please try again."));
        return answer.retryAfter() == null ? response : response.setHeader("Retry-After", answer.retryAfter());
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Override
    public void close() {
        dropConnections();
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
