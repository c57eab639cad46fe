package bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A Binance Spot REST API for trading tests, on MockWebServer. It checks API keys, HMAC and
 * Ed25519 signatures and timestamps as Binance does (-2015, -1022, -1021), keeps balances per
 * account, fills MARKET orders at a settable price (commission in the received asset), enforces
 * the filters of {@code exchange-info-2021.json} (-1013, -1111) and balances (-2010), keeps orders
 * by client order id (unique among open orders only), counts request weight per minute, and answers
 * order lookups, myTrades, exchangeInfo, time and account, and 1m klines of any symbol with a set
 * price (one candle at that price: how commissions in BNB are priced).
 *
 * <p>Faults are injected per request on demand, or at random into orders with a seed. After a
 * 429 any request that arrives before Retry-After has passed is recorded as early (and answered
 * 418, as Binance bans such an IP). Time is the given clock plus a settable skew.
 *
 * <p>Besides the symbols of the 2021 recording it lists XRPETH with the filters Binance had in 2019
 * ({@link FakeJson#xrpEth2019()}), so that the recorded XRPETH candles can be traded end to end.
 */
public final class FakeBinanceExchange implements AutoCloseable {
    private static final String ORDER = "POST /api/v3/order";
    /** Binance's weights; myTrades is asked with an orderId here, which weighs 5 (20 without). */
    private static final Map<String, Integer> WEIGHTS = Map.of("GET /api/v3/exchangeInfo", 20,
            "GET /api/v3/order", 4, "GET /api/v3/myTrades", 5, "GET /api/v3/account", 20, "GET /api/v3/klines", 2);

    /** One request as it arrived: when (the clock, without skew), what, and the status answered (0: none). */
    public record Call(Instant time, String method, String path, Map<String, String> params, String apiKey,
            int status, FakeFault fault) {
    }

    private final MockWebServer server = new MockWebServer();
    private final Clock clock;
    private final JsonNode exchangeInfo;
    private final FakeMatchingEngine engine;
    private final FakeRateLimits limits;
    private final List<Call> calls = new ArrayList<>();
    private final List<Call> early = new ArrayList<>();
    private final FakeFaultPlan faults = new FakeFaultPlan();
    private Consumer<FakeOrder> onExecuted = order -> { };
    private Consumer<String> onArrival = route -> { };
    private Duration skew = Duration.ZERO;
    private Duration retryAfter = Duration.ofSeconds(30);
    private Instant outageUntil = Instant.MIN;

    public FakeBinanceExchange(Clock clock) {
        this.clock = clock;
        try {
            exchangeInfo = FakeJson.MAPPER.readTree(TestData.text("exchange-info-2021.json"));
            ((ArrayNode) exchangeInfo.path("symbols")).add(FakeJson.xrpEth2019());
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return handle(request);
                }
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engine = new FakeMatchingEngine(FakeSymbolFilters.parse(exchangeInfo));
        int limit = 1200;
        for (JsonNode l : exchangeInfo.path("rateLimits")) {
            if (l.path("rateLimitType").asText().equals("REQUEST_WEIGHT")) {
                limit = l.path("limit").asInt();
            }
        }
        limits = new FakeRateLimits(limit);
    }

    /** The REST base URL, e.g. {@code http://127.0.0.1:40123} (no trailing slash). */
    public String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void addHmacAccount(String apiKey, String secret) {
        engine.addAccount(apiKey, FakeRequestAuth.hmac(secret));
    }

    public synchronized void addEd25519Account(String apiKey, PublicKey publicKey) {
        engine.addAccount(apiKey, FakeRequestAuth.ed25519(publicKey));
    }

    public synchronized void deposit(String apiKey, String asset, String amount) {
        engine.deposit(apiKey, asset, new BigDecimal(amount));
    }

    public synchronized BigDecimal balance(String apiKey, String asset) {
        return engine.balance(apiKey, asset);
    }

    public synchronized void setPrice(String symbol, String price) {
        engine.setPrice(symbol, new BigDecimal(price));
    }

    /**
     * MARKET orders fill at the price this gives for their client order id (null: the symbol's set
     * price), e.g. the close of the signal candle the id names.
     */
    public synchronized void priceOrdersBy(Function<String, BigDecimal> byClientOrderId) {
        engine.priceOrdersBy(byClientOrderId);
    }

    /**
     * Commissions are charged in {@code asset} (BNB) from now on, at the commission rate of the
     * trade's quote value converted at the price set for asset + quote (e.g. BNBUSDT), when the
     * account holds enough of it; else as before.
     */
    public synchronized void payCommissionsIn(String asset) {
        engine.payCommissionsIn(asset);
    }

    public synchronized void setCommissionRate(String rate) {
        engine.setCommissionRate(new BigDecimal(rate));
    }

    /** Splits each order into this many trades (1 by default). */
    public synchronized void setFillsPerOrder(int fills) {
        engine.setFillsPerOrder(fills);
    }

    /** The server's clock runs this far ahead of the test's clock (negative: behind). */
    public synchronized void setServerTimeSkew(Duration serverAhead) {
        skew = serverAhead;
    }

    /** The Retry-After of injected 429s (30 s by default). */
    public synchronized void setRetryAfter(Duration duration) {
        retryAfter = duration;
    }

    /** Weight used in the current minute by others behind the same IP (another process). */
    public synchronized void addForeignWeight(int weight) {
        limits.addForeign(weight, serverTime());
    }

    /**
     * From now on (the clock) for {@code duration}, every request is answered HTTP 503 by a load
     * balancer, without reaching the exchange: an outage.
     */
    public synchronized void outage(Duration duration) {
        outageUntil = clock.instant().plus(duration);
    }

    /** The next orders each meet one of these faults, in order. */
    public synchronized void injectOnNextOrder(FakeFault... faults) {
        injectOnNext("POST", "/api/v3/order", faults);
    }

    /** The next requests to {@code method path} each meet one of these faults, in order. */
    public synchronized void injectOnNext(String method, String path, FakeFault... faults) {
        this.faults.planNext(method + " " + path, Arrays.asList(faults));
    }

    /** From now on each order meets, with this probability, one of the faults picked at random. */
    public synchronized void injectAtRandom(long seed, double probability, FakeFault... faults) {
        this.faults.atRandom(ORDER, seed, probability, Arrays.asList(faults));
    }

    /**
     * Called on the server thread after an order executed and before it is answered: a crash test
     * can kill the bot there, the worst moment (the exchange has the order, the bot not yet).
     */
    public synchronized void onOrderExecuted(Consumer<FakeOrder> listener) {
        onExecuted = listener;
    }

    /**
     * Called on the server thread as each request arrives ({@code "POST /api/v3/order"} ...), before
     * it is handled: a crash test can kill the bot there; the exchange still handles the request.
     */
    public synchronized void onArrival(Consumer<String> listener) {
        onArrival = listener;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Requests that arrived while the host had told clients to wait (after a 429). */
    public synchronized List<Call> earlyCalls() {
        return List.copyOf(early);
    }

    /** Every order the exchange accepted, oldest first (all accounts). */
    public synchronized List<FakeOrder> orders() {
        return engine.accounts().values().stream().flatMap(a -> a.orders.stream())
                .sorted((a, b) -> Long.compare(a.orderId(), b.orderId())).toList();
    }

    public synchronized long serverTime() {
        return clock.millis() + skew.toMillis();
    }

    private synchronized MockResponse handle(RecordedRequest request) {
        String route = request.getMethod() + " " + request.getRequestUrl().encodedPath();
        String rawQuery = request.getRequestUrl().encodedQuery();
        String rawBody = request.getBody().readUtf8();
        Map<String, String> params = decode(rawQuery);
        params.putAll(decode(rawBody));
        String apiKey = request.getHeader("X-MBX-APIKEY");
        onArrival.accept(route);
        Instant now = clock.instant();
        if (now.isBefore(outageUntil)) {
            record(now, request, params, apiKey, 503, null);
            return new MockResponse().setResponseCode(503).setBody("<html><body><h1>503 Service Unavailable</h1></body></html>");
        }
        if (limits.banned(now)) {
            early.add(record(now, request, params, apiKey, 418, null));
            return json(418, FakeJson.error(new FakeError(418, -1003, "Way too many requests; IP banned until "
                    + limits.bannedUntil().toEpochMilli() + "."))).setHeader("Retry-After", secondsUntil(limits.bannedUntil()));
        }
        FakeFault fault = faults.next(route);
        if (fault == FakeFault.RATE_LIMITED || !limits.spend(WEIGHTS.getOrDefault(route, 1), serverTime())) {
            limits.ban(now.plus(fault == FakeFault.RATE_LIMITED ? retryAfter : limits.untilNextWindow(serverTime())));
            record(now, request, params, apiKey, 429, fault);
            return json(429, FakeJson.error(new FakeError(429, -1003, "Too much request weight used; current limit is "
                    + limits.weightLimit() + " request weight per 1 MINUTE."))).setHeader("Retry-After",
                    secondsUntil(limits.bannedUntil()));
        }
        if (fault == FakeFault.SERVER_ERROR_BEFORE_EXECUTION) {
            record(now, request, params, apiKey, 502, fault);
            return new MockResponse().setResponseCode(502).setBody("<html><body><h1>502 Bad Gateway</h1></body></html>");
        }
        MockResponse response = answer(route, params, rawQuery, rawBody, apiKey);
        int status = Integer.parseInt(response.getStatus().split(" ")[1]);
        if (fault == null) {
            record(now, request, params, apiKey, status, null);
            return response;
        }
        record(now, request, params, apiKey, fault == FakeFault.SERVER_ERROR_AFTER_EXECUTION ? 503 : 0, fault);
        return switch (fault) {
            case SERVER_ERROR_AFTER_EXECUTION -> json(503, FakeJson.error(new FakeError(503, -1007,
                    "Timeout waiting for response from backend server. Send status unknown; execution status unknown.")));
            case TIMEOUT_AFTER_EXECUTION -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
            case DISCONNECT_AFTER_EXECUTION -> new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
            default -> throw new IllegalStateException("unhandled fault " + fault);
        };
    }

    private MockResponse answer(String route, Map<String, String> params, String rawQuery, String rawBody, String apiKey) {
        long now = serverTime();
        try {
            switch (route) {
                case "GET /api/v3/time":
                    return json(200, "{\"serverTime\":" + now + "}");
                case "GET /api/v3/ping":
                    return json(200, "{}");
                case "GET /api/v3/exchangeInfo":
                    return json(200, FakeJson.exchangeInfo(exchangeInfo, params.get("symbol")));
                case "GET /api/v3/klines":
                    return json(200, klines(params));
                default:
                    break;
            }
            FakeMatchingEngine.Account account = engine.account(apiKey);
            FakeRequestAuth.check(account == null ? null : account.key, params, rawQuery, rawBody, now)
                    .ifPresent(error -> {
                        throw error.refusal();
                    });
            String symbol = params.get("symbol");
            return switch (route) {
                case ORDER -> {
                    FakeOrder order = engine.place(account, apiKey, params, now);
                    onExecuted.accept(order);
                    yield json(200, FakeJson.newOrder(order, params.getOrDefault("newOrderRespType", "FULL")));
                }
                case "GET /api/v3/order" -> json(200, FakeJson.order(engine.find(account,
                        FakeMatchingEngine.required(params, "symbol"), params.get("orderId"), params.get("origClientOrderId"))
                        .orElseThrow(() -> FakeError.badRequest(-2013, "Order does not exist.").refusal())));
                case "GET /api/v3/myTrades" -> json(200, FakeJson.trades(engine.trades(account,
                        FakeMatchingEngine.required(params, "symbol"), params.get("orderId"))));
                case "GET /api/v3/account" -> json(200, FakeJson.account(account.balances, now));
                default -> new MockResponse().setResponseCode(404).setBody("<html>404 Not Found " + symbol + "</html>");
            };
        } catch (FakeError.Refusal refusal) {
            return json(refusal.error.httpStatus(), FakeJson.error(refusal.error));
        }
    }

    /** One 1m candle opened at startTime, all four prices the symbol's set price; -1121 without one. */
    private String klines(Map<String, String> params) {
        BigDecimal price = engine.price(FakeMatchingEngine.required(params, "symbol"));
        if (price == null) {
            throw FakeError.badRequest(-1121, "Invalid symbol.").refusal();
        }
        long open = Long.parseLong(FakeMatchingEngine.required(params, "startTime"));
        String p = "\"" + price.toPlainString() + "\"";
        return "[[" + open + "," + p + "," + p + "," + p + "," + p + ",\"0\"," + (open + 59_999)
                + ",\"0\",0,\"0\",\"0\",\"0\"]]";
    }

    private MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status)
                .setHeader("Content-Type", "application/json;charset=UTF-8")
                .setHeader("X-MBX-USED-WEIGHT-1M", Integer.toString(limits.used()))
                .setBody(body);
    }

    private Call record(Instant now, RecordedRequest request, Map<String, String> params, String apiKey, int status,
            FakeFault fault) {
        Call call = new Call(now, request.getMethod(), request.getRequestUrl().encodedPath(), Map.copyOf(params),
                apiKey, status, fault);
        calls.add(call);
        return call;
    }

    private String secondsUntil(Instant until) {
        long millis = Duration.between(clock.instant(), until).toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
