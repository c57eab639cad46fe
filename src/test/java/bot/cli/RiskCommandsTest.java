package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.store.Database;
import bot.testing.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code bot limits set|list|clear}, {@code bot halt}, {@code bot resume}, and the state {@code bot list} shows. */
class RiskCommandsTest extends SetupCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void strategies() {
        assertOk(bot("add-account", "--name", "paper"));
        assertOk(bot("add-strategy", "--name", "mr-btc", "--account", "paper", "--kind", "test_window",
                "--symbol", "BTCUSDT", "--interval", "1m", "--config", "{\"order_value\": \"100\"}"));
    }

    private String riskRows() {
        try (Database db = Database.connect(dbUrl, env.get("BOT_DB_USER"), env.get("BOT_DB_PASSWORD"), null)) {
            return db.jdbi().withHandle(h -> h.createQuery("""
                    select coalesce((select json_agg(l order by l.key)::text from risk_limits l), '[]')
                        || coalesce((select json_agg(b order by b.id)::text from risk_blocks b), '[]')
                        || coalesce((select json_agg(e order by e.id)::text from risk_events e), '[]')""")
                    .mapTo(String.class).one());
        }
    }

    @Test
    void limitsAreSetListedAndCleared() throws Exception {
        CliRun set = bot("limits", "set", "--strategy", "mr-btc", "max_drawdown=0.1", "daily_loss=20USDT",
                "max_losses_in_row=3", "cooldown=30m");
        assertOk(set);
        assertEquals("Limits set on strategy mr-btc: max_drawdown=0.1 daily_loss=20USDT max_losses_in_row=3"
                + " cooldown=30m.\n", set.out());
        assertOk(bot("limits", "set", "--account", "paper", "max_open_positions=2", "max_exposure=500", "on_trip=flatten"));

        CliRun table = bot("limits", "list");
        assertOk(table);
        List<String> lines = table.out().lines().toList();
        assertEquals(8, lines.size(), table.out());
        assertTrue(lines.get(0).startsWith("SCOPE     NAME    KEY                 VALUE    UPDATED"), lines.get(0));
        assertTrue(lines.get(1).startsWith("account   paper   max_exposure        500 "), lines.get(1));

        JsonNode json = JSON.readTree(bot("limits", "list", "--format", "json").out());
        assertEquals(7, json.size());
        assertEquals("strategy", json.get(3).get("scope").asText());
        assertEquals("cooldown", json.get(3).get("key").asText());
        assertEquals("30m", json.get(3).get("value").asText());

        assertOk(bot("limits", "clear", "--strategy", "mr-btc", "daily_loss"));
        assertEquals(6, JSON.readTree(bot("limits", "list", "--format", "json").out()).size());
        CliRun all = bot("limits", "clear", "--account", "paper");
        assertOk(all);
        assertEquals("Cleared 3 limits on account paper.\n", all.out());
    }

    @Test
    void anUnknownKeyAMalformedValueOrAnUnknownNameIsRefusedAndNothingWritten() {
        assertOk(bot("limits", "set", "--strategy", "mr-btc", "max_losses_in_row=3", "cooldown=30m"));
        String before = riskRows();
        assertRefused(bot("limits", "set", "--strategy", "mr-btc", "max_dd=0.1"), "unknown key 'max_dd'");
        assertRefused(bot("limits", "set", "--strategy", "mr-btc", "max_drawdown=0.1", "daily_loss=ten"), "daily_loss");
        assertRefused(bot("limits", "set", "--strategy", "mr-btc", "max_drawdown=2"), "max_drawdown");
        assertRefused(bot("limits", "set", "--strategy", "mr-btc", "max_drawdown=50EUR"), "max_drawdown: EUR");
        assertRefused(bot("limits", "set", "--strategy", "mr-btc", "max_open_positions=2"), "max_open_positions");
        assertRefused(bot("limits", "set", "--strategy", "mr-btc", "cooldown=soon"), "cooldown");
        assertRefused(bot("limits", "set", "--strategy", "mr-btc", "on_trip=panic"), "on_trip");
        assertRefused(bot("limits", "set", "--strategy", "mr-btc", "max_drawdown"), "KEY=VALUE");
        assertRefused(bot("limits", "set", "--strategy", "nope", "max_drawdown=0.1"), "--strategy: no strategy named 'nope'");
        assertRefused(bot("limits", "set", "--account", "nope", "max_drawdown=0.1"), "--account");
        assertRefused(bot("limits", "set", "--strategy", "mr-btc", "--account", "paper", "max_drawdown=0.1"), "mutually exclusive");
        assertRefused(bot("limits", "clear", "--strategy", "mr-btc", "cooldown"), "max_losses_in_row: needs a cooldown");
        assertRefused(bot("limits", "clear", "--strategy", "mr-btc", "nonsense"), "unknown key");
        assertRefused(bot("halt", "--strategy", "nope"), "--strategy");
        assertRefused(bot("halt"), "--all");
        assertRefused(bot("resume", "--account", "nope"), "--account");
        assertRefused(bot("limits", "list", "--format", "xml"), "--format");
        assertEquals(before, riskRows());
    }

    @Test
    void haltAndResumeAreJournaledAndShownByList() throws Exception {
        assertEquals("running", state());
        CliRun halt = bot("halt", "--account", "paper", "--reason", "exchange incident");
        assertOk(halt);
        assertEquals("Halted account paper: no entries (exits go on) until bot resume.\n", halt.out());
        assertEquals("halted: exchange incident", state());
        List<String> lines = bot("list", "strategies").out().lines().toList();
        assertEquals(lines.get(0).indexOf("STATE"), lines.get(1).indexOf("halted: exchange incident"));

        CliRun resume = bot("resume", "--strategy", "mr-btc");
        assertOk(resume);
        assertEquals("Resumed strategy mr-btc (nothing was halted).\n", resume.out());
        assertEquals("halted: exchange incident", state(), "the account's halt still holds");
        CliRun all = bot("resume", "--all");
        assertOk(all);
        assertEquals("Resumed all: lifted account paper halted: exchange incident.\n", all.out());
        assertEquals("running", state());
        assertOk(bot("halt", "--all", "--flatten"));
        assertEquals("halted: halted by hand", state());

        try (Database db = Database.connect(dbUrl, env.get("BOT_DB_USER"), env.get("BOT_DB_PASSWORD"), null)) {
            List<String> events = db.jdbi().withHandle(h -> h.createQuery(
                    "select event || ' ' || scope_kind || ' ' || scope_name || ' ' || coalesce(reason, '-')"
                            + " from risk_events order by id").mapTo(String.class).list());
            assertEquals(List.of("halt account paper exchange incident", "resume strategy mr-btc -", "resume all * -",
                    "halt all * halted by hand (flatten)"), events);
        }
    }

    @Test
    void reportCountsDeniedEntriesPerReason() throws Exception {
        try (Database db = Database.connect(dbUrl, env.get("BOT_DB_USER"), env.get("BOT_DB_PASSWORD"), null)) {
            db.jdbi().useHandle(h -> h.execute("""
                    insert into risk_denials (strategy_id, reason, candle_open_time)
                    select id, r, 0 from strategies, unnest(array['halted', 'halted', 'max_drawdown']) r"""));
        }
        CliRun json = bot("report", "--format", "json");
        assertOk(json);
        JsonNode denied = JSON.readTree(json.out()).get("deniedEntries");
        assertEquals(2, denied.get("halted").asLong());
        assertEquals(1, denied.get("max_drawdown").asLong());
        CliRun table = bot("report");
        assertTrue(table.out().endsWith("Entries denied by risk limits: halted 2, max_drawdown 1\n"), table.out());
        CliRun other = bot("report", "--mode", "live", "--format", "json");
        assertEquals(0, JSON.readTree(other.out()).get("deniedEntries").size(), other.out());
    }

    private String state() throws Exception {
        CliRun run = bot("list", "strategies", "--format", "json");
        assertOk(run);
        return JSON.readTree(run.out()).get(0).get("state").asText();
    }
}
