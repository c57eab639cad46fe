package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.store.Database;
import bot.store.Leases;
import bot.testing.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListCommandTest extends SetupCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private void setUpBoth() {
        assertOk(bot("add-account", "--name", "paper"));
        assertOk(botWithInput(SECRET, "add-account", "--name", "main", "--api-key", API_KEY, "--testnet"));
        assertOk(bot("add-strategy", "--name", "mr-btc", "--account", "paper", "--kind", "test_window",
                "--symbol", "BTCUSDT", "--interval", "1m", "--config", "{\"order_value\": \"100.50\"}"));
    }

    private static void assertNoSecret(CliRun run) {
        assertFalse(run.out().contains(SECRET));
        assertFalse(run.out().contains(API_KEY.substring(0, API_KEY.length() - 4)));
        assertFalse(run.out().contains("*"), "nothing masked is shown either");
    }

    @Test
    void emptyListsSayHowToAdd() {
        CliRun run = bot("list");
        assertOk(run);
        assertEquals("Accounts\n(none; add one with 'bot add-account --name NAME')\n\n"
                + "Strategies\n(none; add one with 'bot add-strategy')\n", run.out());
    }

    @Test
    void tableAlignsColumnsAndShowsOnlyTheKeysLast4() {
        setUpBoth();
        CliRun run = bot("list", "accounts");
        assertOk(run);
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("NAME   KEY TYPE  API KEY  NETWORK     CREATED"), lines.get(0));
        assertTrue(lines.get(1).startsWith("main   hmac      ...Eh8A  testnet     "), lines.get(1));
        assertTrue(lines.get(2).startsWith("paper  none      -        production  "), lines.get(2));
        assertNoSecret(run);

        CliRun strategies = bot("list", "strategies");
        List<String> rows = strategies.out().lines().toList();
        assertEquals(rows.get(0).indexOf("SYMBOL"), rows.get(1).indexOf("BTCUSDT"));
        assertTrue(rows.get(1).endsWith("order_value=100.50 slippage=0 window=20"), rows.get(1));
    }

    @Test
    void jsonListsBothForScripts() throws IOException {
        setUpBoth();
        CliRun run = bot("list", "--format", "json");
        assertOk(run);
        assertNoSecret(run);
        JsonNode root = JSON.readTree(run.out());
        assertEquals(List.of("accounts", "strategies"), List.copyOf(iterable(root.fieldNames())));
        JsonNode main = root.get("accounts").get(0);
        assertEquals("main", main.get("name").asText());
        assertEquals("hmac", main.get("keyType").asText());
        assertEquals("Eh8A", main.get("apiKeyLast4").asText());
        assertTrue(main.get("testnet").asBoolean());
        assertTrue(root.get("accounts").get(1).get("apiKeyLast4").isNull());
        JsonNode strategy = root.get("strategies").get(0);
        assertEquals("mr-btc", strategy.get("name").asText());
        assertEquals("100.50", strategy.get("params").get("order_value").asText());
        assertTrue(strategy.get("params").get("order_value").isTextual());
    }

    @Test
    void theInstanceRunningAStrategyIsShownWhileItHoldsTheLease() throws IOException {
        setUpBoth();
        CliRun before = bot("list", "strategies");
        List<String> rows = before.out().lines().toList();
        assertEquals("-", rows.get(1).substring(rows.get(0).indexOf("RUN BY")).split(" +")[0], rows.get(1));

        try (Database db = Database.connect(dbUrl, env.get("BOT_DB_USER"), env.get("BOT_DB_PASSWORD"), null)) {
            long id = db.jdbi().withHandle(h -> h.createQuery("select id from strategies where name = 'mr-btc'")
                    .mapTo(Long.class).one());
            Leases leases = new Leases(db.jdbi(), new Leases.Instance("i-1", "box-1", 4242), Duration.ofMinutes(1));
            leases.join();
            leases.take(id);
        }
        rows = bot("list", "strategies").out().lines().toList();
        assertEquals("box-1:4242", rows.get(1).substring(rows.get(0).indexOf("RUN BY")).split(" +")[0], rows.get(1));
        JsonNode runBy = JSON.readTree(bot("list", "strategies", "--format", "json").out()).get(0).get("runBy");
        assertEquals("box-1", runBy.get("host").asText());
        assertEquals(4242, runBy.get("pid").asLong());
        assertTrue(runBy.has("since"));
    }

    @Test
    void badArgumentsAreRefused() {
        assertRefused(bot("list", "orders"), "accounts|strategies: must be accounts or strategies");
        assertRefused(bot("list", "--format", "csv"), "--format: must be table or json");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
