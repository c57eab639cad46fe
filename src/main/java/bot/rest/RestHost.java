package bot.rest;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One Binance REST host as every client of the process reaches it: each call first waits for the
 * host's {@link RequestBudget}, and each answer feeds it back (the weight the server counted, and
 * the stop a 429/418 orders). Market data and orders go through the same host object, so neither
 * can spend what the other needs. Thread-safe.
 */
public final class RestHost {
    public static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";
    /** When a 429/418 carries no usable Retry-After. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final RequestBudget budget;

    /** @param http should not retry on connection failure: a silent resend would escape the budget (and could repeat an order) */
    public RestHost(OkHttpClient http, HttpUrl baseUrl, RequestBudget budget) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.budget = budget;
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    public RequestBudget budget() {
        return budget;
    }

    /**
     * Waits for the budget, then sends the request {@code request} makes at that moment (so a
     * signed one carries the time it leaves), and reads the answer whole.
     *
     * @throws RequestNotSentException when the budget kept the request back: it had no effect
     * @throws IOException when the exchange may or may not have received it (timeout, broken connection)
     */
    public RestAnswer send(int weight, boolean order, Supplier<Request> request) throws IOException {
        budget.acquire(weight, order);
        try (Response response = http.newCall(request.get()).execute()) {
            observeUsedWeight(response.header(USED_WEIGHT_HEADER));
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (response.code() == 429 || response.code() == 418) {
                budget.backOff(response.code(), retryAfter(response.header("Retry-After")));
            }
            return new RestAnswer(response.code(), bytes);
        }
    }

    /** A public GET of {@code path} (e.g. {@code api/v3/klines}) with these query parameters, in order. */
    public RestAnswer get(String path, int weight, String... nameValuePairs) throws IOException {
        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegments(path);
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            url.addQueryParameter(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        HttpUrl built = url.build();
        return send(weight, false, () -> new Request.Builder().url(built).get().build());
    }

    private void observeUsedWeight(String header) {
        if (header != null) {
            try {
                budget.observeUsedWeight(Long.parseLong(header.trim()));
            } catch (NumberFormatException ignored) {
                // a malformed header tells nothing; our own count stands
            }
        }
    }

    static Duration retryAfter(String header) {
        if (header != null) {
            try {
                long seconds = Long.parseLong(header.trim());
                if (seconds > 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException ignored) {
                // an HTTP date is not used by Binance; fall back to the default
            }
        }
        return DEFAULT_RETRY_AFTER;
    }
}
