package bot.execution.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Response;

/**
 * Reads an answer: a 2xx body as JSON; 429/418 stop the host for Retry-After; 5xx and -1006/-1007
 * have an unknown outcome; any other error body is a rejection with Binance's code and message.
 */
final class ResponseReader {
    static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";
    /** When a 429/418 carries no usable Retry-After. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);
    private static final int MAX_BODY_IN_MESSAGE = 200;

    private final ObjectMapper json;
    private final RequestBudget budget;

    ResponseReader(ObjectMapper json, RequestBudget budget) {
        this.json = json;
        this.budget = budget;
    }

    JsonNode read(Response response) throws IOException {
        String usedWeight = response.header(USED_WEIGHT_HEADER);
        if (usedWeight != null) {
            try {
                budget.observeUsedWeight(Long.parseLong(usedWeight.trim()));
            } catch (NumberFormatException ignored) {
                // a malformed header tells nothing; our own count stands
            }
        }
        int status = response.code();
        String text = response.body() == null ? "" : response.body().string();
        if (status == 429 || status == 418) {
            budget.backOff(status, retryAfter(response.header("Retry-After")));
            throw new BinanceUnavailableException("rate limited: " + error(status, text), true, null);
        }
        if (status >= 200 && status < 300) {
            try {
                return json.readTree(text);
            } catch (IOException e) {
                throw new BinanceUnavailableException("unreadable answer (HTTP " + status + ")", true, e);
            }
        }
        BinanceError error = error(status, text);
        if (error.outcomeUnknown()) {
            throw new BinanceUnavailableException("outcome unknown: " + error, true, null);
        }
        throw new BinanceRejectedException(error);
    }

    private BinanceError error(int status, String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node != null && node.has("code")) {
                return new BinanceError(status, node.path("code").asInt(), node.path("msg").asText(""));
            }
        } catch (IOException notJson) {
            // an HTML error page from a proxy or the WAF: keep its start as the message
        }
        String start = text.length() > MAX_BODY_IN_MESSAGE ? text.substring(0, MAX_BODY_IN_MESSAGE) : text;
        return new BinanceError(status, 0, start.isBlank() ? "HTTP " + status : start.strip());
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
