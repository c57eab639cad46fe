package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.json.Json;
import bot.store.Database;
import bot.testing.CliRun;
import bot.testing.HeadlessChromium;
import bot.testing.Rows;
import bot.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser (headless Chromium) while {@code bot start} paper-trades recorded
 * candles: what the page shows, and a new fill showing up without a reload.
 */
class DashboardBrowserTest {
    @TempDir
    Path home;

    @Test
    void thePageShowsEachStrategyItsChartsAndOrdersAndANewFillWithoutAReload() throws Exception {
        String url = TestDatabase.freshUrl();
        try (Database db = Database.connect(url, "postgres", "", null)) {
            Rows.strategy(db.jdbi(), "xrp-mr", "mean_reversion", "XRPETH", "paper",
                    "{\"order_value\": \"1\", \"threshold\": \"0.003\"}");
            Rows.strategy(db.jdbi(), "xrp-mr-slow", "mean_reversion", "XRPETH", "paper",
                    "{\"order_value\": \"1\", \"threshold\": \"0.004\", \"window\": \"30\"}");
        }
        Map<String, String> env = Map.of("BOT_DB_URL", url, "BOT_DB_USER", "postgres");
        try (WebBot bot = new WebBot(home, url); HeadlessChromium browser = new HeadlessChromium(home.resolve("profile"))) {
            bot.command("candles 280");
            WebEndToEndTest.awaitQuietJournal(bot);
            browser.open(bot.url("/"));
            awaitTrue(browser, "return document.body.dataset.refreshed >= 1", 15_000);

            assertEquals(2, browser.script("return document.querySelectorAll('.card').length").asInt());
            assertEquals("[\"xrp-mr\",\"xrp-mr-slow\"]", browser.script(
                    "return Array.from(document.querySelectorAll('.card .name')).map(e => e.textContent)").toString());
            // uPlot drew the candles: their canvas has coloured pixels, and entries were marked on it
            assertTrue(browser.script("""
                    const c = document.querySelector('.card .candles canvas');
                    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    let drawn = 0;
                    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) drawn++;
                    return drawn;""").asInt() > 1000);
            assertTrue(browser.script("return Number(document.querySelector('.card').dataset.candles)").asInt() > 100);
            assertTrue(browser.script("return Number(document.querySelector('.card').dataset.markers)").asInt() > 0);
            assertEquals(sorted(ordersCliPrints(home, env)), sorted(pageOrders(browser)));

            // a fill comes: it shows within a second of being journaled, in the same page (no reload)
            browser.script("window.sameDocument = 'yes'; return 1");
            int before = ordersCliPrints(home, env).size();
            List<String> after = List.of();
            for (int i = 0; i < 120 && after.size() <= before; i++) {
                bot.command("candles 5");
                after = ordersCliPrints(home, env);
            }
            assertTrue(after.size() > before, "no new order in 600 more candles");
            long journaled = System.nanoTime();
            String newest = after.get(0);
            awaitTrue(browser, "return Array.from(document.querySelectorAll('#orders tbody tr'))"
                    + ".some(tr => tr.dataset.clientOrderId === '" + newest.split(" ")[0] + "')", 3_000);
            long shownMs = (System.nanoTime() - journaled) / 1_000_000;
            System.out.println("new order shown " + shownMs + " ms after bot orders listed it");
            assertTrue(shownMs < 1_000, "the new order took " + shownMs + " ms to show");
            assertEquals("yes", browser.script("return window.sameDocument").asText());
            WebEndToEndTest.awaitQuietJournal(bot);
            awaitTrue(browser, "return document.querySelectorAll('#orders tbody tr').length === "
                    + Math.min(50, ordersCliPrints(home, env).size()), 3_000);
            Thread.sleep(600);
            assertEquals(sorted(ordersCliPrints(home, env)), sorted(pageOrders(browser)));
            browser.screenshot(Path.of("target", "dashboard.png"));
        }
    }

    /** {@code bot orders}' rows, newest first (as the page lists them), at most the page's 50. */
    private static List<String> ordersCliPrints(Path home, Map<String, String> env) throws Exception {
        CliRun run = CliRun.run(home, env, null, "orders", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = new ArrayList<>();
        for (JsonNode o : Json.MAPPER.readTree(run.out())) {
            rows.add(0, o.get("clientOrderId").asText() + " " + o.get("strategy").asText() + " " + o.get("side").asText()
                    + " " + o.get("status").asText() + " " + o.get("qty").asText() + " " + o.get("price").asText());
        }
        return rows.subList(0, Math.min(50, rows.size()));
    }

    /** The page lists by journal id, bot orders by creation time: two strategies' orders of one moment may swap. */
    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }

    private static List<String> pageOrders(HeadlessChromium browser) throws Exception {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : browser.script("return Array.from(document.querySelectorAll('#orders tbody tr'))"
                + ".map(tr => Array.from(tr.cells).map(td => td.textContent))")) {
            // columns: time, strategy, mode, symbol, side, status, qty, price, fee, client order id
            rows.add(row.get(9).asText() + " " + row.get(1).asText() + " " + row.get(4).asText() + " "
                    + row.get(5).asText() + " " + row.get(6).asText() + " " + row.get(7).asText());
        }
        return rows;
    }

    private static void awaitTrue(HeadlessChromium browser, String script, long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (browser.script(script).asBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the page never satisfied: " + script);
    }
}
