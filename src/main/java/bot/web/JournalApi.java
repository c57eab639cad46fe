package bot.web;

import bot.store.DashboardQueries;
import bot.store.DashboardQueries.CandleRow;
import bot.store.DashboardQueries.OrderRow;
import bot.store.DashboardQueries.StrategyRow;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The JSON the dashboard (and scripts) read: {@code /api/strategies}, {@code /api/orders}, {@code /api/equity}, {@code /api/candles}. */
final class JournalApi {
    static final int DEFAULT_ORDERS = 50;
    static final int EQUITY_POINTS = 500;
    static final int CANDLES = 200;
    private final DashboardQueries journal;
    private final StreamWatch streams;
    private final KpiCache kpis;
    private final RealizedPnl realized;
    private final EquityCache equity;
    private final Supplier<StrategyStates> states;
    private final Clock clock;

    JournalApi(DashboardQueries journal, StreamWatch streams, KpiCache kpis, RealizedPnl realized, EquityCache equity,
               Supplier<StrategyStates> states, Clock clock) {
        this.journal = journal;
        this.realized = realized;
        this.equity = equity;
        this.streams = streams;
        this.kpis = kpis;
        this.states = states;
        this.clock = clock;
    }

    /** A request's mistake: answered 400 (or 404) with a one-line message. */
    static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    void strategies(HttpExchange exchange) throws IOException {
        Map<String, String> current = states.get().current();
        Map<String, DashboardQueries.Holder> holders = journal.holders();
        List<Object> cards = new ArrayList<>();
        for (StrategyRow s : rows()) {
            String state = current.getOrDefault(s.name(), s.enabled() ? "NOT_RUN_HERE" : "DISABLED");
            Map<String, Object> card = StrategyView.of(s, state, streams.lastClose(StrategyView.stream(s)),
                    realized.of(s.id()), kpis.of(s.name(), s.mode()));
            DashboardQueries.Holder lease = holders.get(s.name());
            // which instance trades it, and since when (null: none holds its lease, e.g. a single daemon's test)
            card.put("runBy", lease == null ? null : Map.of("host", lease.host(), "pid", lease.pid(),
                    "since", lease.since().toString()));
            cards.add(card);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("time", clock.instant().toString());
        body.put("strategies", cards);
        Replies.json(exchange, 200, body);
    }

    void orders(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        String strategy = q.get("strategy");
        if (strategy != null) {
            known(strategy);
        }
        Instant since = q.containsKey("since") ? time("since", q.get("since")) : null;
        long after = number("after", q.getOrDefault("after", "0"));
        int limit = (int) Math.min(number("limit", q.getOrDefault("limit", String.valueOf(DEFAULT_ORDERS))),
                DashboardQueries.MAX_ORDERS);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OrderRow o : journal.orders(strategy, after, since, limit)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", o.id());
            row.put("strategy", o.strategy());
            row.put("mode", o.mode());
            row.put("symbol", o.symbol());
            row.put("side", o.side());
            row.put("type", o.type());
            row.put("status", o.status());
            row.put("clientOrderId", o.clientOrderId());
            row.put("qty", o.qty());
            row.put("price", o.price());
            row.put("fee", o.fee());
            row.put("feeAsset", o.feeAsset());
            row.put("candleOpenTime", o.candleOpenTime());
            row.put("time", o.time() == null ? null : o.time().toString());
            rows.add(row);
        }
        Replies.json(exchange, 200, Map.of("orders", rows));
    }

    void equity(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        String strategy = required(q, "strategy");
        long id = known(strategy).id();
        int points = (int) Math.min(Math.max(number("points", q.getOrDefault("points", String.valueOf(EQUITY_POINTS))), 2),
                5000);
        List<List<Object>> curve = new ArrayList<>();
        equity.of(id, points).forEach(p -> curve.add(List.of(p.time().toEpochMilli(),
                p.equity().toPlainString())));
        Replies.json(exchange, 200, Map.of("strategy", strategy, "points", curve));
    }

    void candles(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        StrategyRow s = known(required(q, "strategy"));
        List<CandleRow> candles = journal.candles(s.testnet(), s.symbol(), s.interval(), CANDLES);
        List<List<Object>> rows = new ArrayList<>();
        candles.forEach(c -> rows.add(List.of(c.openTime(), c.open().toPlainString(), c.high().toPlainString(),
                c.low().toPlainString(), c.close().toPlainString())));
        List<Map<String, Object>> markers = new ArrayList<>();
        if (!candles.isEmpty()) {
            journal.markers(s.id(), candles.get(0).openTime()).forEach(m -> markers.add(Map.of(
                    "candleOpenTime", m.candleOpenTime(), "side", m.side(), "price", m.price().toPlainString())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("strategy", s.name());
        body.put("symbol", s.symbol());
        body.put("interval", s.interval());
        body.put("candles", rows);
        body.put("markers", markers);
        Replies.json(exchange, 200, body);
    }

    private List<StrategyRow> rows() {
        realized.refresh();
        return journal.strategies(dayStart());
    }

    private Instant dayStart() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private StrategyRow known(String name) {
        Optional<StrategyRow> row = journal.strategy(name, dayStart());
        return row.orElseThrow(() -> new BadRequest(404, "no strategy named '" + name + "'"));
    }

    private static String required(Map<String, String> q, String name) {
        String value = q.get(name);
        if (value == null || value.isEmpty()) {
            throw new BadRequest(400, name + ": required");
        }
        return value;
    }

    private static long number(String name, String value) {
        if (!value.matches("[0-9]{1,15}")) {
            throw new BadRequest(400, name + ": must be a whole number, got '" + value + "'");
        }
        return Long.parseLong(value);
    }

    /** An ISO-8601 instant (2026-11-29T10:00:00Z) or a date (2026-11-29, midnight UTC). */
    private static Instant time(String name, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(400, name + ": must be an ISO-8601 time (2026-11-29T10:00:00Z) or a date, got '"
                    + value + "'");
        }
    }

    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> q = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(key, value);
        }
        return q;
    }
}
