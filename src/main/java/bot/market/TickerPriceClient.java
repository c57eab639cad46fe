package bot.market;

import bot.json.Json;
import bot.rest.RestAnswer;
import bot.rest.RestHost;
import bot.rest.RestWeights;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * A symbol's last price from Binance's {@code GET /api/v3/ticker/price} (weight 2), read as an exact
 * decimal, through the host's shared request budget. Anything that is not an answer is an
 * {@link UncheckedIOException}, for the caller to warn.
 */
public final class TickerPriceClient implements Function<String, BigDecimal> {
    private static final String PATH = "api/v3/ticker/price";

    private final RestHost host;

    public TickerPriceClient(RestHost host) {
        this.host = host;
    }

    @Override
    public BigDecimal apply(String symbol) {
        RestAnswer answer;
        try {
            answer = host.get(PATH, RestWeights.TICKER_PRICE, "symbol", symbol);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + host.baseUrl().scheme() + "://" + host.baseUrl().host() + ":"
                    + host.baseUrl().port() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        if (!answer.successful()) {
            throw failure("HTTP " + answer.status());
        }
        try {
            JsonNode price = Json.MAPPER.readTree(answer.text()).path("price");
            if (!price.isTextual()) {
                throw failure("no price in the answer");
            }
            return new BigDecimal(price.asText());
        } catch (IOException e) {
            throw failure("the answer is not JSON");
        } catch (NumberFormatException e) {
            throw failure("the price is not a number");
        }
    }

    private UncheckedIOException failure(String problem) {
        String message = "GET /" + PATH + " on " + host.baseUrl().host() + ": " + problem;
        return new UncheckedIOException(message, new IOException(message));
    }
}
