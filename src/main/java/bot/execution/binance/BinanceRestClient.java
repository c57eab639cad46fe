package bot.execution.binance;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.engine.Sleeper;
import bot.rest.RateLimits;
import bot.rest.RequestNotSentException;
import bot.rest.RestAnswer;
import bot.rest.RestHost;
import bot.rest.RestWeights;
import bot.security.PayloadSigner;
import com.fasterxml.jackson.databind.JsonNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.LongFunction;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance's REST API for one account on one host. Every request goes through the host's
 * {@link RestHost}, whose budget all REST calls of the process to that host share; signed ones
 * carry the host's {@link ServerTime}. Reads are retried with backoff and jitter when the outcome
 * was unknown; an order is never resent, except once after a -1021 (timestamp outside recvWindow),
 * which the exchange answers without accepting the order. Thread-safe.
 */
public final class BinanceRestClient {
    private static final Logger log = LoggerFactory.getLogger(BinanceRestClient.class);

    private final RestHost host;
    private final ServerTime serverTime;
    private final RequestEncoder encoder;
    private final FailsafeExecutor<JsonNode> reads;

    /**
     * @param signer null for a client of the public endpoints only
     * @param recvWindow how long after its timestamp the exchange may still accept a signed request
     */
    public BinanceRestClient(RestHost host, ServerTime serverTime, String apiKey, PayloadSigner signer,
            Duration recvWindow, Sleeper sleeper) {
        this.host = host;
        this.serverTime = serverTime;
        this.encoder = new RequestEncoder(host.baseUrl(), apiKey, signer, recvWindow == null ? null : recvWindow.toMillis());
        RetryPolicy<JsonNode> retry = RetryPolicy.<JsonNode>builder()
                .handleIf(e -> e instanceof BinanceUnavailableException u && u.sent())
                .withBackoff(Duration.ofMillis(250), Duration.ofSeconds(8))
                .withJitter(0.25)
                .withMaxRetries(4)
                .onRetry(event -> log.warn("retrying a Binance read after: {}", event.getLastException().getMessage(),
                        kv("host", host.budget().host()), kv("attempt", event.getAttemptCount())))
                .build();
        this.reads = Failsafe.with(retry).with(new SleeperScheduler(sleeper));
    }

    /** A public GET (time, exchangeInfo, ticker price ...), retried while the outcome is unknown. */
    public JsonNode get(String path, Map<String, String> query, int weight) {
        return retried(BinanceRequest.publicGet(path, query, weight));
    }

    /** A signed GET (order, myTrades, account ...), retried while the outcome is unknown. */
    public JsonNode signedGet(String path, Map<String, String> query, int weight) {
        return retried(BinanceRequest.signedGet(path, query, weight));
    }

    /** A new order: sent at most once, except once more after a -1021 that it was refused with. */
    public JsonNode placeOrder(Map<String, String> parameters) {
        return placeOrder(parameters, () -> true);
    }

    /**
     * Places an order unless {@code mayLeave} says no at the moment it would leave (after any wait
     * for the budget): then nothing is sent, and a {@link BinanceUnavailableException} says so.
     */
    public JsonNode placeOrder(Map<String, String> parameters, BooleanSupplier mayLeave) {
        BinanceRequest request = BinanceRequest.newOrder(parameters);
        return signedOnce(request, now -> {
            if (!mayLeave.getAsBoolean()) {
                throw new BinanceUnavailableException("not sent: its signal went stale while it waited for the"
                        + " request budget", false, null);
            }
            return encoder.encode(request, now);
        });
    }

    /** Binance's time now, as far as this host's offset knows it. */
    public long serverTimeMillis() {
        return serverTime.nowMillis();
    }

    /** Measures the offset to the server's clock ({@code GET /api/v3/time}). */
    public long syncTime() {
        BinanceRequest time = BinanceRequest.publicGet("/api/v3/time", Map.of(), RestWeights.TIME);
        long[] sentAt = new long[1];
        // measured from when the request leaves (after any wait for the budget): the round trip is only the request's
        JsonNode answer = send(time, now -> {
            sentAt[0] = serverTime.localMillis();
            return encoder.encode(time, now);
        });
        long after = serverTime.localMillis();
        serverTime.record(sentAt[0], answer.path("serverTime").asLong(), after);
        log.debug("server time offset measured", kv("host", host.budget().host()), kv("offsetMillis", serverTime.offsetMillis()));
        return serverTime.offsetMillis();
    }

    private JsonNode retried(BinanceRequest request) {
        try {
            return reads.getAsync(() -> request.signed() ? signedOnce(request) : send(request)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof BinanceException binance) {
                throw binance;
            }
            throw e;
        } catch (CancellationException e) {
            // the wait between attempts was interrupted: the process is stopping
            Thread.currentThread().interrupt();
            throw new BinanceUnavailableException("interrupted while retrying " + request.path(), true, e);
        }
    }

    private JsonNode signedOnce(BinanceRequest request) {
        return signedOnce(request, now -> encoder.encode(request, now));
    }

    /** A signed request, sent again once (with the time measured anew) when Binance refuses its timestamp. */
    private JsonNode signedOnce(BinanceRequest request, LongFunction<Request> encode) {
        try {
            prepareSigned();
            return send(request, encode);
        } catch (BinanceRejectedException e) {
            if (e.code() != BinanceError.TIMESTAMP_OUTSIDE_RECV_WINDOW) {
                throw e;
            }
            log.warn("Binance refused a request's timestamp; measuring the server time again",
                    kv("host", host.budget().host()), kv("path", request.path()), kv("offsetMillis", serverTime.offsetMillis()));
            serverTime.invalidate();
            prepareSigned();
            return send(request, encode);
        }
    }

    private JsonNode send(BinanceRequest request) {
        if (request.signed()) {
            prepareSigned();
        }
        return send(request, now -> encoder.encode(request, now));
    }

    /** One round trip through the host's budget; the request is encoded when it may leave. */
    private JsonNode send(BinanceRequest request, LongFunction<Request> encode) {
        RestAnswer answer;
        try {
            answer = host.send(request.weight(), request.order(), () -> encode.apply(serverTime.nowMillis()));
        } catch (RequestNotSentException e) {
            throw new BinanceUnavailableException(e.getMessage(), false, e);
        } catch (IOException e) {
            throw new BinanceUnavailableException(describe(e), true, e);
        }
        JsonNode json = ResponseReader.read(answer);
        log.debug("Binance answered", kv("host", host.budget().host()), kv("path", request.path()), kv("httpStatus", answer.status()));
        return json;
    }

    /** Loads the host's limits once and keeps the time offset fresh; a failure here sends nothing. */
    private void prepareSigned() {
        try {
            if (!host.budget().hasExchangeLimits()) {
                loadRateLimits();
            }
            if (serverTime.needsSync()) {
                syncTime();
            }
        } catch (BinanceException e) {
            throw new BinanceUnavailableException("not sent: could not prepare the request: " + e.getMessage(), false, e);
        }
    }

    /** Reads the host's limits from exchangeInfo into its budget. */
    private void loadRateLimits() {
        host.budget().apply(RateLimits.fromExchangeInfo(
                send(BinanceRequest.publicGet("/api/v3/exchangeInfo", Map.of(), RestWeights.EXCHANGE_INFO))));
    }

    private static String describe(IOException e) {
        String kind = e instanceof InterruptedIOException ? "timeout" : "connection failed";
        return kind + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
    }
}
