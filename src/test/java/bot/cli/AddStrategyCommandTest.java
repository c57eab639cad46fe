package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AddStrategyCommandTest extends SetupCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KIND = "test_window";

    @BeforeEach
    void accounts() {
        assertOk(bot("add-account", "--name", "paper"));
        assertOk(botWithInput(SECRET, "add-account", "--name", "keyed", "--api-key", API_KEY));
    }

    private CliRun add(String name, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("add-strategy", "--name", name, "--account", "paper",
                "--kind", KIND, "--symbol", "BTCUSDT", "--interval", "1m"));
        args.addAll(List.of(more));
        return bot(args.toArray(String[]::new));
    }

    private JsonNode strategy(String name) throws IOException {
        CliRun list = bot("list", "strategies", "--format", "json");
        assertOk(list);
        for (JsonNode s : JSON.readTree(list.out())) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no strategy " + name + " in " + list.out());
    }

    private static Map<String, String> params(JsonNode strategy) {
        Map<String, String> params = new TreeMap<>();
        strategy.get("params").properties().forEach(e -> {
            assertTrue(e.getValue().isTextual(), "stored as a string: " + e);
            params.put(e.getKey(), e.getValue().asText());
        });
        return params;
    }

    @Test
    void validStrategyIsStoredWithExactDecimalsAndDefaultsFilledIn() throws IOException {
        CliRun run = add("mr-btc", "--config", "{\"order_value\": 100.50, \"window\": 30, \"fee_pct\": \"0.00075\","
                + " \"stop_loss\": 0.1000000000000000055511151231257827}");
        assertOk(run);
        assertEquals("Added strategy mr-btc (test_window on BTCUSDT 1m, paper, account paper, enabled).\n", run.out());
        assertEquals("", run.err());
        JsonNode s = strategy("mr-btc");
        assertEquals("paper", s.get("account").asText());
        assertEquals("BTCUSDT", s.get("symbol").asText());
        assertEquals("1m", s.get("interval").asText());
        assertEquals("paper", s.get("mode").asText());
        assertTrue(s.get("enabled").asBoolean());
        assertEquals(Map.of("order_value", "100.50", "window", "30", "fee_pct", "0.00075",
                "stop_loss", "0.1000000000000000055511151231257827", "min_price", "0", "min_profit", "0.002",
                "slippage", "0"), params(s));
        assertEquals(2, exchange.requestCount(), "the symbol and its price were checked on the exchange");
    }

    @Test
    void liveDisabledStrategyFromAConfigFile() throws IOException {
        Path file = home.resolve("params.json");
        Files.writeString(file, "{\n  \"order_value\": \"25\"\n}\n");
        assertOk(bot("add-strategy", "--name", "live_1", "--account", "keyed", "--kind", KIND, "--symbol", "ETHUSDT",
                "--interval", "4h", "--mode", "live", "--config-file", file.toString(), "--disabled"));
        JsonNode s = strategy("live_1");
        assertEquals("live", s.get("mode").asText());
        assertEquals("keyed", s.get("account").asText());
        assertEquals(false, s.get("enabled").asBoolean());
        assertEquals("25", params(s).get("order_value"));
        assertEquals("20", params(s).get("window"));
    }

    @Test
    void eachBadInputIsRefusedWithExit2AndNothingWritten() throws IOException {
        String config = "{\"order_value\": 100}";
        assertOk(add("taken", "--config", config));
        exchange.setStatus("ETHUSDT", "BREAK");
        String before = snapshot();
        int checks = exchange.requestCount();

        assertRefused(add("no spaces", "--config", config), "--name");
        assertRefused(add("taken", "--config", config), "--name: a strategy named 'taken' already exists");
        assertRefused(bot("add-strategy", "--name", "a", "--account", "ghost", "--kind", KIND, "--symbol", "BTCUSDT",
                "--interval", "1m", "--config", config), "--account: there is no account named 'ghost'");
        assertRefused(bot("add-strategy", "--name", "a", "--account", "paper", "--kind", "martingale", "--symbol",
                "BTCUSDT", "--interval", "1m", "--config", config), "--kind: unknown kind 'martingale', known kinds:");
        assertRefused(bot("add-strategy", "--name", "a", "--account", "paper", "--kind", KIND, "--symbol", "btcusdt",
                "--interval", "1m", "--config", config), "--symbol");
        assertRefused(bot("add-strategy", "--name", "a", "--account", "paper", "--kind", KIND, "--symbol",
                "BTC/USDT", "--interval", "1m", "--config", config), "--symbol");
        assertRefused(bot("add-strategy", "--name", "a", "--account", "paper", "--kind", KIND, "--symbol", "BTCUSDT",
                "--interval", "2m", "--config", config), "--interval: unknown interval '2m'");
        assertRefused(bot("add-strategy", "--name", "a", "--account", "paper", "--kind", KIND, "--symbol", "BTCUSDT",
                "--interval", "1H", "--config", config), "--interval");
        assertRefused(add("a", "--mode", "real", "--config", config), "--mode");
        assertRefused(add("a", "--mode", "live", "--config", config), "--mode: live needs an account with API keys");
        assertRefused(add("a"), "--config: parameter order_value: missing");
        assertRefused(add("a", "--config", "{\"order_value\": 100, \"windw\": 5}"), "--config: parameter windw: unknown");
        assertRefused(add("a", "--config", "{\"order_value\": \"abc\"}"), "--config: parameter order_value: 'abc' is not a number");
        assertRefused(add("a", "--config", "{\"order_value\": 0}"), "--config: parameter order_value: 0 is out of range");
        assertRefused(add("a", "--config", "{\"order_value\": 100, \"window\": 1}"), "--config: parameter window: 1 is out of range");
        assertRefused(add("a", "--config", "{\"order_value\": 100, \"window\": 2.5}"), "--config: parameter window: '2.5' is not a whole number");
        assertRefused(add("a", "--config", "{\"order_value\": true}"), "--config: parameter order_value: must be a number");
        assertRefused(add("a", "--config", "{\"order_value\": 1, \"order_value\": 2}"), "--config: not valid JSON");
        assertRefused(add("a", "--config", "{order_value: 100"), "--config: not valid JSON");
        assertRefused(add("a", "--config", "[100]"), "--config: must be a JSON object");
        assertRefused(add("a", "--config", config, "--config-file", "params.json"), "--config-file");
        assertRefused(add("a", "--config-file", home.resolve("absent.json").toString()), "--config-file");
        assertEquals(checks, exchange.requestCount(), "nothing reaches the exchange before the local checks pass");

        assertRefused(bot("add-strategy", "--name", "a", "--account", "paper", "--kind", KIND, "--symbol", "NOPEUSDT",
                "--interval", "1m", "--config", config), "--symbol: NOPEUSDT is not listed on Binance");
        assertRefused(bot("add-strategy", "--name", "a", "--account", "paper", "--kind", KIND, "--symbol", "ETHUSDT",
                "--interval", "1m", "--config", config), "--symbol: ETHUSDT is not trading on Binance (status BREAK)");
        assertEquals(before, snapshot());
    }

    @Test
    void unreachableExchangeIsAWarningAndTheStrategyIsAdded() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        env.put("BOT_BINANCE_REST_URL", "http://127.0.0.1:" + closedPort);
        CliRun run = add("offline", "--config", "{\"order_value\": 100}");
        assertOk(run);
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("bot add-strategy: warning: could not check --symbol BTCUSDT on Binance"
                + " (cannot reach http://127.0.0.1:" + closedPort), run.err());
        assertEquals("BTCUSDT", strategy("offline").get("symbol").asText());
    }

    @Test
    void anOrderValueWhosePositionCouldNotBeSoldAtItsStopIsRefusedNamingTheSmallestThatWorks() throws IOException {
        String before = snapshot();
        // BTCUSDT at 50000, minNotional 10, step 0.00001, fee_pct 0.001 in BTC: a 10% fall (no stop_loss) needs 12
        assertRefused(add("tiny", "--config", "{\"order_value\": 11.99}"), "--config: parameter order_value: 11.99 is"
                + " too small to sell the position after a fall of 0.1 (no stop_loss) from BTCUSDT's price of 50000"
                + " (minimum order 10, step 0.00001, fee_pct in the base asset); the smallest that works is 12");
        assertRefused(add("tiny", "--config", "{\"order_value\": 10.5, \"stop_loss\": 0.03}"),
                "the smallest that works is 11"); // 0.00022 BTC keeps 0.00021, worth 10.185 at 48500
        assertEquals(before, snapshot());
        assertOk(add("just", "--config", "{\"order_value\": 12}"));
        assertOk(add("rsi-like", "--config", "{\"order_value\": 11, \"stop_loss\": 0.03}"));
    }

    @Test
    void withoutAPriceTheOrderValueIsOnlyWarnedAbout() {
        exchange.setPrice("BTCUSDT", null);
        CliRun run = add("tiny", "--config", "{\"order_value\": 5}");
        assertOk(run);
        List<String> warnings = run.err().lines().toList();
        assertEquals(2, warnings.size(), run.err());
        assertTrue(warnings.get(0).startsWith("bot add-strategy: warning: could not fetch BTCUSDT's price on Binance"),
                warnings.get(0));
        assertEquals("bot add-strategy: warning: order_value 5 is below BTCUSDT's minimum order value 10:"
                + " every entry would be refused", warnings.get(1));
    }
}
