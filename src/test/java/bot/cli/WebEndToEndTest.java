package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.json.Json;
import bot.store.Database;
import bot.testing.CliRun;
import bot.testing.PausableProxy;
import bot.testing.Rows;
import bot.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bot start} with its HTTP server, paper-trading recorded XRPETH candles handed over step by
 * step, its database behind a proxy the test can stop.
 */
class WebEndToEndTest {
    /** A sample line of Prometheus's text format: name, optional labels, value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*)\\})? "
                    + "(-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)( [0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @TempDir
    Path home;

    @Test
    void healthMetricsAndTheJournalApiOfARunningBot() throws Exception {
        String url = TestDatabase.freshUrl();
        try (Database db = Database.connect(url, "postgres", "", null)) {
            Rows.strategy(db.jdbi(), "xrp-mr", "mean_reversion", "XRPETH", "paper",
                    "{\"order_value\": \"1\", \"threshold\": \"0.003\"}");
            Rows.strategy(db.jdbi(), "xrp-mr-slow", "mean_reversion", "XRPETH", "paper",
                    "{\"order_value\": \"1\", \"threshold\": \"0.004\", \"window\": \"30\"}");
        }
        URI pg = URI.create(url.substring("jdbc:".length()));
        try (PausableProxy proxy = new PausableProxy(pg.getHost(), pg.getPort());
             WebBot bot = new WebBot(home, url.replace(":" + pg.getPort() + "/", ":" + proxy.port() + "/"))) {
            assertEquals(200, bot.get("/health/live").statusCode());
            bot.await("/health/ready", 200);

            bot.command("candles 280");
            awaitQuietJournal(bot);
            Map<String, String> env = Map.of("BOT_DB_URL", url, "BOT_DB_USER", "postgres");
            CliRun orders = CliRun.run(home, env, null, "orders", "--format", "json");
            assertEquals(0, orders.exitCode(), orders.err());
            JsonNode journal = Json.MAPPER.readTree(orders.out());
            assertTrue(journal.size() >= 4, "the replay should trade: " + orders.out());

            // /metrics parses as Prometheus text, and its order counts are bot orders' rows counted
            HttpResponse<String> metrics = bot.get("/metrics");
            assertEquals(200, metrics.statusCode(), metrics.body() + bot.log());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            Map<String, Long> counted = new TreeMap<>();
            Map<String, Long> expected = new TreeMap<>();
            journal.forEach(o -> expected.merge(o.get("strategy").asText() + "/" + o.get("side").asText() + "/"
                    + o.get("status").asText(), 1L, Long::sum));
            List<String> names = new ArrayList<>();
            for (String line : metrics.body().split("\n")) {
                if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                    continue;
                }
                Matcher m = SAMPLE.matcher(line);
                assertTrue(m.matches(), "not Prometheus text: " + line);
                names.add(m.group(1));
                if (m.group(1).equals("bot_orders")) {
                    Map<String, String> labels = labels(m.group(3));
                    counted.put(labels.get("strategy") + "/" + labels.get("side") + "/" + labels.get("status"),
                            (long) Double.parseDouble(m.group(4)));
                }
            }
            assertEquals(expected, counted);
            for (String name : List.of("bot_order_round_trip_seconds_count", "bot_fills", "bot_strategy_state",
                    "bot_realized_pnl", "bot_unrealized_pnl", "bot_position_value", "bot_candle_lag_seconds_bucket",
                    "bot_websocket_reconnects_total", "jvm_memory_used_bytes")) {
                assertTrue(names.contains(name), name + " missing from /metrics");
            }

            // the JSON API: a card per strategy, the orders bot orders lists (newest first)
            JsonNode strategies = Json.MAPPER.readTree(bot.get("/api/strategies").body()).get("strategies");
            assertEquals(2, strategies.size());
            assertEquals("RUNNING", strategies.get(0).get("state").asText());
            JsonNode api = Json.MAPPER.readTree(bot.get("/api/orders?limit=500").body()).get("orders");
            List<String> fromApi = new ArrayList<>();
            api.forEach(o -> fromApi.add(0, o.get("clientOrderId").asText() + " " + o.get("status").asText()
                    + " " + o.get("qty").asText() + " " + o.get("price").asText()));
            List<String> fromCli = new ArrayList<>();
            journal.forEach(o -> fromCli.add(o.get("clientOrderId").asText() + " " + o.get("status").asText()
                    + " " + o.get("qty").asText() + " " + o.get("price").asText()));
            // the API lists by journal id, bot orders by creation time: orders of one moment may swap
            assertEquals(fromCli.stream().sorted().toList(), fromApi.stream().sorted().toList());
            assertEquals(400, bot.get("/api/orders?since=yesterday").statusCode());
            assertEquals(404, bot.get("/api/equity?strategy=nope").statusCode());
            JsonNode equity = Json.MAPPER.readTree(bot.get("/api/equity?strategy=xrp-mr").body()).get("points");
            assertTrue(equity.size() > 0, equity.toString());

            // a stream silent for two intervals makes the bot unready; its next candle makes it ready again
            bot.command("clock 150");
            HttpResponse<String> silent = bot.await("/health/ready", 503);
            assertTrue(silent.body().contains("production/XRPETH@1m has had no closed candle"), silent.body());
            bot.command("candles 1");
            bot.await("/health/ready", 200);

            // the database stops: unready, saying so; it comes back: ready
            proxy.stop();
            HttpResponse<String> down = bot.await("/health/ready", 503);
            assertTrue(down.body().contains("database unreachable"), down.body());
            assertEquals(200, bot.get("/health/live").statusCode());
            proxy.start();
            bot.await("/health/ready", 200);
        }
    }

    /** Waits until the runners have handled what was handed over: orders were made and no more come. */
    static void awaitQuietJournal(WebBot bot) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        int last = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = bot.get("/api/orders?limit=500");
            assertEquals(200, answer.statusCode(), answer.body() + bot.log());
            int now = Json.MAPPER.readTree(answer.body()).get("orders").size();
            if (now > 0 && now == last) {
                return;
            }
            last = now;
            Thread.sleep(700);
        }
        throw new AssertionError("no orders journaled: " + bot.stderr() + bot.log());
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        Matcher m = LABEL.matcher(text == null ? "" : text);
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }
}
