package bot.market;

import bot.domain.SymbolRules;
import bot.engine.SymbolRulesSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Symbol rules from Binance's {@code GET /api/v3/exchangeInfo}. An unknown symbol (HTTP 400, code
 * -1121) is an empty answer; anything else that is not an answer (network failure, 5xx, 429, a
 * body that cannot be read) is an {@link UncheckedIOException}, for the caller to retry or warn.
 */
public final class ExchangeInfoClient implements SymbolRulesSource {
    static final int INVALID_SYMBOL = -1121;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final HttpUrl endpoint;

    public ExchangeInfoClient(OkHttpClient http, String restBase) {
        this.http = http;
        this.endpoint = HttpUrl.get(restBase).newBuilder().addPathSegments("api/v3/exchangeInfo").build();
    }

    /** A client with short timeouts, for a command a person is waiting on. */
    public static ExchangeInfoClient withShortTimeouts(String restBase) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(15))
                .build();
        return new ExchangeInfoClient(http, restBase);
    }

    @Override
    public Optional<SymbolRules> rules(String symbol) {
        HttpUrl url = endpoint.newBuilder().addQueryParameter("symbol", symbol).build();
        return fetch(url).flatMap(rules -> rules.stream().filter(r -> r.symbol().equals(symbol)).findFirst());
    }

    /** Every symbol's rules in one call (weight 20), by symbol, for keeping filters fresh. */
    public Map<String, SymbolRules> allRules() {
        Map<String, SymbolRules> bySymbol = new LinkedHashMap<>();
        fetch(endpoint).orElseThrow(() -> failure(endpoint, "answered 'invalid symbol' without a symbol"))
                .forEach(rules -> bySymbol.put(rules.symbol(), rules));
        return bySymbol;
    }

    /** The parsed symbols, or empty when Binance says the symbol is invalid. */
    private Optional<List<SymbolRules>> fetch(HttpUrl url) {
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (response.isSuccessful()) {
                return Optional.of(ExchangeInfoParser.parse(text));
            }
            if (response.code() == 400 && errorCode(text) == INVALID_SYMBOL) {
                return Optional.empty();
            }
            throw failure(url, "HTTP " + response.code() + errorSuffix(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + url.scheme() + "://" + url.host() + ":" + url.port()
                    + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            throw failure(url, e.getMessage());
        }
    }

    private static UncheckedIOException failure(HttpUrl url, String problem) {
        String message = "GET " + url.encodedPath() + " on " + url.host() + ": " + problem;
        return new UncheckedIOException(message, new IOException(message));
    }

    private static int errorCode(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? 0 : node.path("code").asInt(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String errorSuffix(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.has("msg") ? " (" + node.path("code").asInt() + " " + node.path("msg").asText() + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }
}
