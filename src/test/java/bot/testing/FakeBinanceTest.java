package bot.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.Interval;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's own contract, for everyone who reuses it. */
class FakeBinanceTest {
    private static final List<Candle> SERIES = RecordedCandles.xrpeth1m();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http = new OkHttpClient();
    private final FakeBinance binance = new FakeBinance(SERIES.get(100).openTime() + 5_000);

    @AfterEach
    void stop() {
        binance.close();
    }

    private JsonNode get(String pathAndQuery) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(binance.restUrl() + pathAndQuery).build()).execute()) {
            return JSON.readTree(response.body().string());
        }
    }

    @Test
    void theRecordedSeriesIsSoundAndContiguous() {
        assertEquals(3560, SERIES.size());
        for (int i = 0; i < SERIES.size(); i++) {
            assertNull(SERIES.get(i).defect(), "candle " + i);
            if (i > 0) {
                assertEquals(Interval.M1.next(SERIES.get(i - 1).openTime()), SERIES.get(i).openTime());
            }
        }
    }

    @Test
    void klinesFollowBinancesRules() throws IOException {
        binance.addCandles(SERIES);
        assertEquals(binance.serverTime(), get("/api/v3/time").get("serverTime").asLong());
        JsonNode latest = get("/api/v3/klines?symbol=XRPETH&interval=1m&limit=3");
        assertEquals(3, latest.size());
        assertEquals(SERIES.get(100).openTime(), latest.get(2).get(0).asLong(), "the forming candle is the last row");
        assertEquals(SERIES.get(100).closeTime(), latest.get(2).get(6).asLong());
        JsonNode from = get("/api/v3/klines?symbol=XRPETH&interval=1m&startTime=" + SERIES.get(10).openTime() + "&limit=2");
        assertEquals(SERIES.get(10).openTime(), from.get(0).get(0).asLong());
        assertEquals(SERIES.get(11).open().toPlainString(), from.get(1).get(1).asText());
        JsonNode window = get("/api/v3/klines?symbol=XRPETH&interval=1m&startTime=" + SERIES.get(10).openTime()
                + "&endTime=" + SERIES.get(14).openTime());
        assertEquals(5, window.size());
        assertEquals(101, get("/api/v3/klines?symbol=XRPETH&interval=1m&startTime=0&limit=5000").size());
        binance.setServerTime(SERIES.get(3000).openTime());
        assertEquals(1000, get("/api/v3/klines?symbol=XRPETH&interval=1m&startTime=0&limit=5000").size());
        assertEquals(-1121, get("/api/v3/klines?symbol=NOPE&interval=1m").get("code").asInt());
        assertEquals(-1120, get("/api/v3/klines?symbol=XRPETH&interval=2m").get("code").asInt());
        assertEquals(7, binance.requests("/api/v3/klines"));
    }

    @Test
    void exchangeInfoIsTheRecordingFilteredBySymbol() throws IOException {
        assertEquals(2, get("/api/v3/exchangeInfo").get("symbols").size());
        JsonNode one = get("/api/v3/exchangeInfo?symbol=ETHUSDT").get("symbols");
        assertEquals(1, one.size());
        assertEquals("ETHUSDT", one.get(0).get("symbol").asText());
        assertEquals(-1121, get("/api/v3/exchangeInfo?symbol=NOPE").get("code").asInt());
    }

    @Test
    void plainAndCombinedStreamsCarryTheRecordedEventFormat() throws Exception {
        binance.addCandles(SERIES);
        BlockingQueue<String> plain = new LinkedBlockingQueue<>();
        BlockingQueue<String> combined = new LinkedBlockingQueue<>();
        WebSocket a = http.newWebSocket(new Request.Builder().url(binance.wsUrl() + "/ws/xrpeth@kline_1m").build(),
                collector(plain));
        WebSocket b = http.newWebSocket(new Request.Builder().url(binance.wsUrl()
                + "/stream?streams=xrpeth@kline_1m/btcusdt@kline_1m").build(), collector(combined));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (binance.openConnections() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Candle streamed = binance.streamNext("XRPETH", Interval.M1);
        assertEquals(SERIES.get(100), streamed);
        assertEquals(streamed.closeTime() + 1, binance.serverTime());
        JsonNode last = null;
        for (int i = 0; i < 3; i++) {
            last = JSON.readTree(plain.poll(10, TimeUnit.SECONDS));
        }
        JsonNode recorded = JSON.readTree(TestData.text("kline-event-btcusdt-1m.json"));
        assertEquals(names(recorded), names(last));
        assertEquals(names(recorded.get("k")), names(last.get("k")));
        assertTrue(last.get("k").get("x").asBoolean());
        assertEquals(streamed.close().toPlainString(), last.get("k").get("c").asText());
        JsonNode wrapped = JSON.readTree(combined.poll(10, TimeUnit.SECONDS));
        assertEquals("xrpeth@kline_1m", wrapped.get("stream").asText());
        assertEquals("kline", wrapped.get("data").get("e").asText());
        assertEquals(2, binance.connectionAttempts());
        a.close(1000, null);
        b.close(1000, null);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static WebSocketListener collector(BlockingQueue<String> into) {
        return new WebSocketListener() {
            @Override
            public void onMessage(WebSocket webSocket, String text) {
                into.add(text);
            }
        };
    }
}
