package bot.cli;

import bot.app.StrategyState;
import bot.json.Json;
import bot.store.Database;
import bot.store.StatusRepository;
import bot.store.StatusRepository.Row;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bot status [--format table|json]}: what the running daemon(s) do with each enabled
 * strategy, as they publish it in the database; a state whose heartbeat is older than
 * {@value #STALE_SECONDS} s is no daemon's any more.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show what the running daemon is doing with each enabled strategy (works from another shell).")
final class StatusCommand implements Callable<Integer> {
    /** A heartbeat older than this means its daemon is gone (it writes one every 2 s). */
    static final int STALE_SECONDS = 15;

    enum Format { table, json }

    @ParentCommand
    BotCommand root;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws JsonProcessingException {
        List<Row> rows;
        try (Database db = root.openDatabase()) {
            rows = new StatusRepository(db.jdbi()).enabled();
        }
        PrintWriter out = root.environment().out();
        if (format == Format.json) {
            out.println(Json.PRETTY.writeValueAsString(json(rows)));
        } else {
            table(rows, out);
        }
        return Cli.OK;
    }

    private static boolean fresh(Row row) {
        return row.stoppedAt() == null && row.heartbeatAgeSeconds() != null && row.heartbeatAgeSeconds() <= STALE_SECONDS;
    }

    /** One line saying whether a daemon runs, and which. */
    private static String daemonLine(List<Row> rows) {
        Set<String> instances = new LinkedHashSet<>();
        Double newest = null;
        Instant stopped = null;
        for (Row row : rows) {
            if (row.stoppedAt() != null && (stopped == null || row.stoppedAt().isAfter(stopped))) {
                stopped = row.stoppedAt();
            }
            if (fresh(row)) {
                instances.add(row.host() + " pid " + row.pid());
            }
            if (row.heartbeatAgeSeconds() != null && (newest == null || row.heartbeatAgeSeconds() < newest)) {
                newest = row.heartbeatAgeSeconds();
            }
        }
        if (!instances.isEmpty()) {
            return "daemon running: " + String.join(", ", instances);
        }
        if (newest == null) {
            return "no daemon is running: none has published a status yet";
        }
        if (stopped != null && newest <= STALE_SECONDS) {
            return "no daemon is running: the last one stopped at " + time(stopped);
        }
        return "no daemon is running: no heartbeat in the last " + STALE_SECONDS + " s (the last one " + age(newest)
                + " ago)";
    }

    private static void table(List<Row> rows, PrintWriter out) {
        out.println(daemonLine(rows));
        if (rows.isEmpty()) {
            out.println("(no strategy is enabled; add one with 'bot add-strategy')");
            return;
        }
        TextTable table = new TextTable("NAME", "STATE", "SYMBOL", "MODE", "LAST CANDLE", "LAG", "POSITION",
                "UNREALIZED PNL", "LAST ORDER", "INSTANCE", "HEARTBEAT");
        for (Row r : rows) {
            table.row(r.strategy(), stateText(r), r.symbol() + " " + r.interval(), r.mode(),
                    r.lastCandleOpenTime() == null ? "-" : time(Instant.ofEpochMilli(r.lastCandleOpenTime()))
                            + " close " + r.lastClose(),
                    r.candleLagMillis() == null ? "-" : r.candleLagMillis() + " ms",
                    position(r), orDash(r.unrealizedPnl()), lastOrder(r.lastOrder()),
                    r.host() == null ? "-" : r.host() + " pid " + r.pid() + " since " + time(r.takenAt()),
                    r.heartbeatAgeSeconds() == null ? "never" : age(r.heartbeatAgeSeconds()) + " ago");
        }
        table.print(out);
    }

    /** The published state while its heartbeat is fresh; else not running, with what it said last. */
    private static String stateText(Row r) {
        if (r.state() == null) {
            return "not running (never published)";
        }
        String published = new StrategyState(StrategyState.Code.ofColumn(r.state()), r.reason()).describe();
        return fresh(r) ? published : "not running (last: " + published + ")";
    }

    private static String position(Row r) {
        if (r.positionQty() == null) {
            return "-";
        }
        return r.entryPrice() == null ? r.positionQty() : r.positionQty() + " @ " + r.entryPrice();
    }

    private static String lastOrder(StatusRepository.LastOrder o) {
        if (o == null) {
            return "-";
        }
        return o.side() + " " + o.qty() + (o.price() == null ? "" : " @ " + o.price()) + " " + o.status() + " "
                + time(o.time());
    }

    private static Map<String, Object> json(List<Row> rows) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("daemonRunning", rows.stream().anyMatch(StatusCommand::fresh));
        all.put("staleAfterSeconds", STALE_SECONDS);
        all.put("strategies", rows.stream().map(StatusCommand::json).toList());
        return all;
    }

    private static Map<String, Object> json(Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.strategy());
        m.put("mode", r.mode());
        m.put("symbol", r.symbol());
        m.put("interval", r.interval());
        m.put("running", fresh(r));
        m.put("state", r.state() == null ? null : fresh(r) ? r.state() : "not_running");
        m.put("publishedState", r.state());
        m.put("reason", r.reason());
        m.put("text", stateText(r));
        Map<String, Object> instance = null;
        if (r.host() != null) {
            instance = new LinkedHashMap<>();
            instance.put("host", r.host());
            instance.put("pid", r.pid());
            instance.put("since", r.takenAt().toString());
        }
        m.put("instance", instance);
        m.put("stoppedAt", r.stoppedAt() == null ? null : r.stoppedAt().toString());
        m.put("heartbeatAt", r.heartbeatAt() == null ? null : r.heartbeatAt().toString());
        m.put("heartbeatAgeSeconds", r.heartbeatAgeSeconds() == null ? null
                : Math.round(r.heartbeatAgeSeconds() * 10) / 10.0);
        Map<String, Object> candle = null;
        if (r.lastCandleOpenTime() != null) {
            candle = new LinkedHashMap<>();
            candle.put("openTime", r.lastCandleOpenTime());
            candle.put("closeTime", r.lastCandleCloseTime());
            candle.put("close", r.lastClose());
            candle.put("lagMs", r.candleLagMillis());
        }
        m.put("lastCandle", candle);
        Map<String, Object> position = null;
        if (r.positionQty() != null) {
            position = new LinkedHashMap<>();
            position.put("qty", r.positionQty());
            position.put("entryPrice", r.entryPrice());
            position.put("unrealizedPnl", r.unrealizedPnl());
        }
        m.put("position", position);
        Map<String, Object> order = null;
        if (r.lastOrder() != null) {
            StatusRepository.LastOrder o = r.lastOrder();
            order = new LinkedHashMap<>();
            order.put("side", o.side());
            order.put("status", o.status());
            order.put("clientOrderId", o.clientOrderId());
            order.put("qty", o.qty());
            order.put("price", o.price());
            order.put("time", o.time().toString());
        }
        m.put("lastOrder", order);
        return m;
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** 4 s, 3 min, 2 h, 5 d. */
    static String age(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        return s < 172_800 ? s / 3600 + " h" : s / 86_400 + " d";
    }
}
