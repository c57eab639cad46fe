package bot.market;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Candle;
import bot.json.Json;
import bot.rest.RestAnswer;
import bot.rest.RestHost;
import bot.rest.RestWeights;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed candles over REST: {@code GET /api/v3/klines}, paged by startTime (at most 1000 rows a
 * page), keeping only rows whose close time is before the server's time ({@code GET /api/v3/time}):
 * the last row can be the candle still forming. Impossible rows are dropped and logged. Every call
 * waits for the host's shared request budget; no retries here: callers choose how long to insist.
 */
public final class KlinesClient {
    static final int MAX_LIMIT = 1000;
    private static final String KLINES = "api/v3/klines";
    private static final Logger log = LoggerFactory.getLogger(KlinesClient.class);

    private final RestHost host;

    public KlinesClient(RestHost host) {
        this.host = host;
    }

    /** The exchange's clock, epoch milliseconds. */
    public long serverTime() throws IOException {
        JsonNode answer = Json.MAPPER.readTree(body("api/v3/time", host.get("api/v3/time", RestWeights.TIME)));
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
        while (true) {
            Page page = closedPage(stream, start, from, to, serverTime);
            closed.addAll(page.closed());
            if (page.last()) {
                return closed;
            }
            start = page.next();
        }
    }

    /**
     * One request's worth (at most 1000 rows) of closed candles with open time in [from, to].
     *
     * @param start where this page starts (from, or the previous page's {@link Page#next})
     */
    public Page closedPage(KlineStream stream, long start, long from, long to, long serverTime) throws IOException {
        if (start > to) {
            return new Page(List.of(), -1);
        }
        List<Candle> page = page(stream, start, to);
        List<Candle> closed = new ArrayList<>(page.size());
        for (Candle row : page) {
            if (row.closeTime() < serverTime && row.openTime() >= from && row.openTime() <= to && sound(row)) {
                closed.add(row);
            }
        }
        if (page.size() < MAX_LIMIT) {
            return new Page(closed, -1);
        }
        Candle last = page.get(page.size() - 1);
        if (last.closeTime() >= serverTime) {
            return new Page(closed, -1);
        }
        return new Page(closed, last.openTime() + 1);
    }

    /** The closed candles of one request, and where the next request starts ({@code -1}: none needed). */
    public record Page(List<Candle> closed, long next) {
        public boolean last() {
            return next < 0;
        }
    }

    private List<Candle> page(KlineStream stream, long startTime, long endTime) throws IOException {
        String symbol = stream.symbol();
        String interval = stream.interval().code();
        String start = Long.toString(startTime);
        String limit = Integer.toString(MAX_LIMIT);
        RestAnswer answer = endTime == Long.MAX_VALUE
                ? host.get(KLINES, RestWeights.KLINES, "symbol", symbol, "interval", interval, "startTime", start,
                        "limit", limit)
                : host.get(KLINES, RestWeights.KLINES, "symbol", symbol, "interval", interval, "startTime", start,
                        "endTime", Long.toString(endTime), "limit", limit);
        return KlineRows.parse(body(KLINES, answer), stream);
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

    /** The body of a successful answer; an error answer as a {@link MarketRestException}. */
    private static byte[] body(String path, RestAnswer answer) throws MarketRestException {
        if (!answer.successful()) {
            throw error(path, answer);
        }
        return answer.body();
    }

    private static MarketRestException error(String path, RestAnswer answer) {
        int code = 0;
        String message = "";
        try {
            JsonNode json = Json.MAPPER.readTree(answer.body());
            if (json != null && json.has("code")) {
                code = json.get("code").asInt();
                message = json.path("msg").asText("");
            }
        } catch (IOException e) {
            // not Binance's JSON error: the status says enough
        }
        return new MarketRestException("GET /" + path + " answered HTTP " + answer.status()
                + (code != 0 ? " " + code + " " + message : ""), answer.status(), code);
    }
}
