package bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A fake Binance answering {@code GET /api/v3/exchangeInfo} from the real 2021 recording (BTCUSDT,
 * ETHUSDT): one symbol when asked for one, all without a symbol, and HTTP 400 -1121 for a symbol
 * it does not list. {@link #setStatus} changes a listed symbol's status (e.g. BREAK). It also answers
 * {@code GET /api/v3/ticker/price} with a settable price (BTCUSDT 50000, ETHUSDT 3000 at first).
 */
public final class ExchangeInfoServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> prices = new ConcurrentHashMap<>(Map.of("BTCUSDT", "50000.00000000",
            "ETHUSDT", "3000.00000000"));

    public ExchangeInfoServer() {
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

    /** The base URL to give as BOT_BINANCE_REST_URL. */
    public String url() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    public ExchangeInfoServer setStatus(String symbol, String status) {
        statuses.put(symbol, status);
        return this;
    }

    /** The last price {@code GET /api/v3/ticker/price} answers for {@code symbol}; null: HTTP 503. */
    public ExchangeInfoServer setPrice(String symbol, String price) {
        if (price == null) {
            prices.remove(symbol);
        } else {
            prices.put(symbol, price);
        }
        return this;
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    public RecordedRequest takeRequest() throws InterruptedException {
        return server.takeRequest();
    }

    /** The recording restricted to {@code symbol} (all when null), with any status changes applied. */
    public String body(String symbol) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(TestData.text("exchange-info-2021.json"));
            ArrayNode kept = JSON.createArrayNode();
            for (JsonNode s : root.get("symbols")) {
                String name = s.get("symbol").asText();
                if (symbol == null || symbol.equals(name)) {
                    ObjectNode copy = s.deepCopy();
                    if (statuses.containsKey(name)) {
                        copy.put("status", statuses.get(name));
                    }
                    kept.add(copy);
                }
            }
            root.set("symbols", kept);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MockResponse answer(RecordedRequest request) {
        if ("/api/v3/ticker/price".equals(request.getRequestUrl().encodedPath())) {
            String symbol = request.getRequestUrl().queryParameter("symbol");
            String price = symbol == null ? null : prices.get(symbol);
            return price == null ? new MockResponse().setResponseCode(503).setBody("<html>503</html>")
                    : new MockResponse().setHeader("Content-Type", "application/json")
                            .setBody("{\"symbol\":\"" + symbol + "\",\"price\":\"" + price + "\"}");
        }
        if (!"/api/v3/exchangeInfo".equals(request.getRequestUrl().encodedPath())) {
            return new MockResponse().setResponseCode(404);
        }
        String symbol = request.getRequestUrl().queryParameter("symbol");
        String body = body(symbol);
        if (symbol != null && !body.contains("\"symbol\":\"" + symbol + "\"")) {
            return new MockResponse().setResponseCode(400).setBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
        }
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
