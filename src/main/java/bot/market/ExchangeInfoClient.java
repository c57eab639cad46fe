package bot.market;

import bot.domain.SymbolRules;
import bot.engine.SymbolRulesSource;
import bot.json.Json;
import bot.rest.RateLimits;
import bot.rest.RestAnswer;
import bot.rest.RestHost;
import bot.rest.RestHosts;
import bot.rest.RestWeights;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Symbol rules from Binance's {@code GET /api/v3/exchangeInfo}, through the host's shared request
 * budget, which learns the host's rate limits from each answer. An unknown symbol (HTTP 400, code
 * -1121) is an empty answer; anything else that is not an answer (network failure, 5xx, 429, a
 * body that cannot be read) is an {@link UncheckedIOException}, for the caller to retry or warn.
 */
public final class ExchangeInfoClient implements SymbolRulesSource {
    static final int INVALID_SYMBOL = -1121;
    private static final String PATH = "api/v3/exchangeInfo";

    private final RestHost host;

    public ExchangeInfoClient(RestHost host) {
        this.host = host;
    }

    /** A client with short timeouts and a short wait for the budget, for a command a person is waiting on. */
    public static ExchangeInfoClient withShortTimeouts(String restBase) {
        return new ExchangeInfoClient(RestHosts.forCommand().host(restBase));
    }

    @Override
    public Optional<SymbolRules> rules(String symbol) {
        return fetch("symbol", symbol).flatMap(rules -> rules.stream().filter(r -> r.symbol().equals(symbol)).findFirst());
    }

    /**
     * Reads the host's rate limits into its budget (an exchangeInfo of one symbol carries them, weight
     * 20), so that the budget works to Binance's real limits rather than the safe defaults.
     *
     * @return false when they could not be read: the defaults stay
     */
    public boolean learnRateLimits(String symbol) {
        try {
            fetch("symbol", symbol);
        } catch (UncheckedIOException e) {
            return false;
        }
        return host.budget().hasExchangeLimits();
    }

    /** Every symbol's rules in one call (weight 20), by symbol, for keeping filters fresh. */
    public Map<String, SymbolRules> allRules() {
        Map<String, SymbolRules> bySymbol = new LinkedHashMap<>();
        fetch().orElseThrow(() -> failure("answered 'invalid symbol' without a symbol"))
                .forEach(rules -> bySymbol.put(rules.symbol(), rules));
        return bySymbol;
    }

    /** The parsed symbols, or empty when Binance says the symbol is invalid. */
    private Optional<List<SymbolRules>> fetch(String... query) {
        RestAnswer answer;
        try {
            answer = host.get(PATH, RestWeights.EXCHANGE_INFO, query);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + host.baseUrl().scheme() + "://" + host.baseUrl().host() + ":"
                    + host.baseUrl().port() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        String text = answer.text();
        if (answer.successful()) {
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw failure("exchangeInfo is not JSON: " + e.getOriginalMessage());
            }
            try {
                List<SymbolRules> rules = ExchangeInfoParser.parse(root);
                if (root.has("rateLimits")) {
                    host.budget().apply(RateLimits.fromExchangeInfo(root));
                }
                return Optional.of(rules);
            } catch (IllegalArgumentException e) {
                throw failure(e.getMessage());
            }
        }
        if (answer.status() == 400 && errorCode(text) == INVALID_SYMBOL) {
            return Optional.empty();
        }
        throw failure("HTTP " + answer.status() + errorSuffix(text));
    }

    private UncheckedIOException failure(String problem) {
        String message = "GET /" + PATH + " on " + host.baseUrl().host() + ": " + problem;
        return new UncheckedIOException(message, new IOException(message));
    }

    private static int errorCode(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node == null ? 0 : node.path("code").asInt(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String errorSuffix(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.has("msg") ? " (" + node.path("code").asInt() + " " + node.path("msg").asText() + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }
}
