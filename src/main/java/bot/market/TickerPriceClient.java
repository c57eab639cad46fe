package bot.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A symbol's last price from Binance's {@code GET /api/v3/ticker/price} (weight 2), read as an exact
 * decimal. Anything that is not an answer is an {@link UncheckedIOException}, for the caller to warn.
 */
public final class TickerPriceClient implements Function<String, BigDecimal> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final HttpUrl endpoint;

    public TickerPriceClient(OkHttpClient http, String restBase) {
        this.http = http;
        this.endpoint = HttpUrl.get(restBase).newBuilder().addPathSegments("api/v3/ticker/price").build();
    }

    /** A client with short timeouts, for a command a person is waiting on. */
    public static TickerPriceClient withShortTimeouts(String restBase) {
        return new TickerPriceClient(new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(15)).build(), restBase);
    }

    @Override
    public BigDecimal apply(String symbol) {
        HttpUrl url = endpoint.newBuilder().addQueryParameter("symbol", symbol).build();
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw failure(url, "HTTP " + response.code());
            }
            JsonNode price = JSON.readTree(text).path("price");
            if (!price.isTextual()) {
                throw failure(url, "no price in the answer");
            }
            return new BigDecimal(price.asText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + url.scheme() + "://" + url.host() + ":" + url.port()
                    + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (NumberFormatException e) {
            throw failure(url, "the price is not a number");
        }
    }

    private static UncheckedIOException failure(HttpUrl url, String problem) {
        String message = "GET " + url.encodedPath() + " on " + url.host() + ": " + problem;
        return new UncheckedIOException(message, new IOException(message));
    }
}
