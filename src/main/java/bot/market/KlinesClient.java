package bot.market;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Candle;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed candles over REST: {@code GET /api/v3/klines}, paged by startTime (at most 1000 rows a
 * page), keeping only rows whose close time is before the server's time ({@code GET /api/v3/time}):
 * the last row can be the candle still forming. Impossible rows are dropped and logged. No retries
 * here: callers choose how long to insist.
 */
public final class KlinesClient {
    static final int MAX_LIMIT = 1000;
    private static final Logger log = LoggerFactory.getLogger(KlinesClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final HttpUrl base;

    public KlinesClient(OkHttpClient http, String restBaseUrl) {
        this.http = http;
        HttpUrl url = HttpUrl.parse(restBaseUrl);
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + restBaseUrl);
        }
        this.base = url;
    }

    /** The exchange's clock, epoch milliseconds. */
    public long serverTime() throws IOException {
        JsonNode answer = JSON.readTree(get(base.newBuilder().addPathSegments("api/v3/time").build()));
        JsonNode time = answer == null ? null : answer.get("serverTime");
        if (time == null || !time.isIntegralNumber()) {
            throw new IOException("time answer has no serverTime");
        }
        return time.longValue();
    }

    /** The last {@code count} closed candles, oldest first (fewer when the exchange has fewer). */
    public List<Candle> latestClosed(KlineStream stream, int count) throws IOException {
        if (count <= 0) {
            return List.of();
        }
        long now = serverTime();
        // One nominal interval more than needed: the forming candle is among the rows and dropped.
        long from = Math.max(0, now - (count + 1L) * stream.interval().nominalMillis());
        List<Candle> closed = closedCandles(stream, from, Long.MAX_VALUE, now);
        return closed.size() <= count ? closed : List.copyOf(closed.subList(closed.size() - count, closed.size()));
    }

    /**
     * The closed candles with open time in [from, to], oldest first.
     *
     * @param serverTime rows whose close time is not before it are still forming and left out
     */
    public List<Candle> closedCandles(KlineStream stream, long from, long to, long serverTime) throws IOException {
        List<Candle> closed = new ArrayList<>();
        long start = from;
        while (start <= to) {
            List<Candle> page = page(stream, start, to);
            for (Candle row : page) {
                if (row.closeTime() < serverTime && row.openTime() >= from && row.openTime() <= to && sound(row)) {
                    closed.add(row);
                }
            }
            if (page.size() < MAX_LIMIT) {
                break;
            }
            Candle last = page.get(page.size() - 1);
            if (last.closeTime() >= serverTime) {
                break;
            }
            start = last.openTime() + 1;
        }
        return closed;
    }

    private List<Candle> page(KlineStream stream, long startTime, long endTime) throws IOException {
        HttpUrl.Builder url = base.newBuilder().addPathSegments("api/v3/klines")
                .addQueryParameter("symbol", stream.symbol())
                .addQueryParameter("interval", stream.interval().code())
                .addQueryParameter("startTime", Long.toString(startTime));
        if (endTime != Long.MAX_VALUE) {
            url.addQueryParameter("endTime", Long.toString(endTime));
        }
        url.addQueryParameter("limit", Integer.toString(MAX_LIMIT));
        return KlineRows.parse(get(url.build()), stream);
    }

    private static boolean sound(Candle row) {
        String defect = row.defect();
        if (defect == null && row.closeTime() == row.interval().next(row.openTime()) - 1) {
            return true;
        }
        log.error("dropped an impossible klines row at {}: {}", row.openTime(),
                defect == null ? "close time does not end the interval" : defect,
                kv("symbol", row.symbol()), kv("interval", row.interval().code()));
        return false;
    }

    private byte[] get(HttpUrl url) throws IOException {
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (!response.isSuccessful()) {
                throw error(url, response, bytes);
            }
            return bytes;
        }
    }

    private static MarketRestException error(HttpUrl url, Response response, byte[] body) {
        int code = 0;
        String message = "";
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.has("code")) {
                code = json.get("code").asInt();
                message = json.path("msg").asText("");
            }
        } catch (IOException e) {
            // not Binance's JSON error: the status says enough
        }
        Duration retryAfter = null;
        String header = response.header("Retry-After");
        if (header != null) {
            try {
                retryAfter = Duration.ofSeconds(Long.parseLong(header.trim()));
            } catch (NumberFormatException e) {
                // an HTTP date instead of seconds: fall back to our own backoff
            }
        }
        return new MarketRestException("GET " + url.encodedPath() + " answered HTTP " + response.code()
                + (code != 0 ? " " + code + " " + message : ""), response.code(), code, retryAfter);
    }
}
