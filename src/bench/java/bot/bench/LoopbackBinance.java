package bot.bench;

import bot.domain.Candle;
import bot.domain.Interval;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Binance on loopback for the end-to-end benchmarks: {@code /api/v3/time}, {@code /api/v3/klines}
 * and {@code /api/v3/exchangeInfo} (any symbol gets BTCUSDT's recorded filters) over REST, and
 * combined kline streams whose frames the benchmark sends. Candles come from a {@link SyntheticMarket};
 * its clock is the benchmark's to choose.
 */
final class LoopbackBinance implements AutoCloseable {
    /** MockWebServer logs every request through java.util.logging; held here so the level sticks. */
    private static final Logger SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An open stream connection and the moment (System.nanoTime) it opened. */
    record Subscriber(Set<String> streams, WebSocket socket, long openedAt) {
    }

    private final MockWebServer server = new MockWebServer();
    private final SyntheticMarket market;
    private final LongSupplier clock;
    private final ObjectNode exchangeInfo;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    LoopbackBinance(SyntheticMarket market, LongSupplier clock) throws IOException {
        SERVER_LOG.setLevel(Level.SEVERE);
        this.market = market;
        this.clock = clock;
        try (InputStream in = LoopbackBinance.class.getResourceAsStream("/binance/exchange-info-2021.json")) {
            exchangeInfo = (ObjectNode) JSON.readTree(in);
        }
        // Binance's request weight limit today (the 2021 recording has 1,200): what the bot's budget keeps to
        for (JsonNode limit : exchangeInfo.path("rateLimits")) {
            if (limit.path("rateLimitType").asText().equals("REQUEST_WEIGHT")) {
                ((ObjectNode) limit).put("limit", 6000);
            }
        }
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request.getRequestUrl());
            }
        });
        server.start();
    }

    String restUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    String wsUrl() {
        return "ws" + restUrl().substring("http".length());
    }

    List<Subscriber> subscribers() {
        return subscribers;
    }

    /** Waits until open connections carry {@code streams} streams; returns when the last of them opened. */
    long awaitSubscribed(int streams, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            int open = 0;
            long last = 0;
            for (Subscriber s : subscribers) {
                open += s.streams().size();
                last = Math.max(last, s.openedAt());
            }
            if (open >= streams) {
                return last;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("the bot did not subscribe to " + streams + " streams in " + timeoutMillis + " ms");
    }

    /** Sends a text frame to every connection carrying {@code stream}. */
    void send(String stream, String frame) {
        for (Subscriber s : subscribers) {
            if (s.streams().contains(stream)) {
                s.socket().send(frame);
            }
        }
    }

    private MockResponse answer(HttpUrl url) {
        return switch (url.encodedPath()) {
            case "/api/v3/time" -> json("{\"serverTime\":" + clock.getAsLong() + "}");
            case "/api/v3/klines" -> klines(url);
            case "/api/v3/exchangeInfo" -> exchangeInfo(url.queryParameter("symbol"));
            case "/stream" -> upgrade(url.queryParameter("streams"));
            default -> new MockResponse().setResponseCode(404).setBody("{\"code\":-1000,\"msg\":\"not found\"}");
        };
    }

    /** Binance's rules: rows opened in [startTime, min(endTime, now)], at most limit, the forming one included. */
    private MockResponse klines(HttpUrl url) {
        String symbol = url.queryParameter("symbol");
        Interval interval = Interval.parse(url.queryParameter("interval"));
        long step = interval.nominalMillis();
        long now = clock.getAsLong();
        long start = Long.parseLong(url.queryParameter("startTime"));
        String endParam = url.queryParameter("endTime");
        long end = Math.min(now, endParam == null ? Long.MAX_VALUE : Long.parseLong(endParam));
        int limit = Integer.parseInt(url.queryParameter("limit"));
        StringBuilder body = new StringBuilder("[");
        int rows = 0;
        for (long open = Math.ceilDiv(start, step) * step; open <= end && rows < limit; open += step, rows++) {
            Candle c = market.candle(symbol, interval, open);
            if (rows > 0) {
                body.append(',');
            }
            KlineJson.appendRow(body, c);
        }
        return json(body.append(']').toString());
    }

    private MockResponse exchangeInfo(String symbol) {
        ObjectNode answer = exchangeInfo.deepCopy();
        ArrayNode symbols = (ArrayNode) answer.get("symbols");
        for (int i = symbols.size() - 1; i >= 0; i--) {
            if (!symbols.get(i).path("symbol").asText().equals("BTCUSDT")) {
                symbols.remove(i);
            }
        }
        if (symbol != null) {
            ObjectNode s = (ObjectNode) symbols.get(0);
            s.put("symbol", symbol);
            s.put("baseAsset", symbol.endsWith("USDT") ? symbol.substring(0, symbol.length() - 4) : symbol);
        }
        answer.put("serverTime", clock.getAsLong());
        return json(answer.toString());
    }

    private MockResponse upgrade(String streams) {
        Set<String> names = Set.of(streams.split("/"));
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
            private Subscriber self;

            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                self = new Subscriber(names, webSocket, System.nanoTime());
                subscribers.add(self);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                subscribers.remove(self);
                webSocket.close(1000, null);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                subscribers.remove(self);
            }
        });
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @Override
    public void close() throws IOException {
        for (Subscriber s : subscribers) {
            s.socket().cancel();
        }
        server.shutdown();
    }
}
