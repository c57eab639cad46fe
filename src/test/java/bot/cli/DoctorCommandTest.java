package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.store.Database;
import bot.testing.CliRun;
import bot.testing.FakeBinanceExchange;
import bot.testing.LiveSetup;
import bot.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bot doctor} against the fake exchange: one line per check, exit 1 when any failed. */
class DoctorCommandTest {
    private static final String PARAMS = "{\"order_value\": \"1\"}";

    @TempDir
    Path home;
    private final FakeBinanceExchange exchange = new FakeBinanceExchange(Clock.systemUTC());
    private final String dbUrl = TestDatabase.freshUrl();

    @AfterEach
    void close() {
        exchange.close();
    }

    private void setUp(java.util.function.Consumer<Jdbi> rows) {
        try (Database db = Database.connect(dbUrl, "postgres", "", null)) {
            rows.accept(db.jdbi());
        }
    }

    private CliRun doctor() {
        Map<String, String> env = new HashMap<>();
        env.put("BOT_DB_URL", dbUrl);
        env.put("BOT_DB_USER", "postgres");
        env.put("BOT_MASTER_KEY", LiveSetup.MASTER_KEY);
        env.put("BOT_BINANCE_REST_URL", exchange.baseUrl());
        return CliRun.run(home, env, null, "doctor");
    }

    @Test
    void everyCheckPassesOnAWorkingSetUp() {
        setUp(jdbi -> {
            LiveSetup.account(jdbi, exchange, "main");
            LiveSetup.strategy(jdbi, "main", "xrp-live", "XRPETH", "live", PARAMS);
            LiveSetup.strategy(jdbi, "main", "btc-paper", "BTCUSDT", "paper", PARAMS);
        });
        CliRun run = doctor();
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals(4, lines.size(), run.out());
        assertTrue(lines.get(0).matches("OK    clock vs " + exchange.baseUrl() + ": this clock is \\d+ ms (behind|ahead of)"
                + " Binance's"), lines.get(0));
        assertEquals(List.of("OK    keys of account main: the keys may trade, permissions [SPOT], withdrawals disabled",
                "OK    symbol XRPETH of strategy xrp-live: status TRADING",
                "OK    symbol BTCUSDT of strategy btc-paper: status TRADING"), lines.subList(1, 4));
    }

    @Test
    void aSkewedClockKeysBinanceRefusesAndAnUnlistedSymbolFailAndExitOne() {
        setUp(jdbi -> {
            LiveSetup.account(jdbi, exchange, "main");
            try (FakeBinanceExchange elsewhere = new FakeBinanceExchange(Clock.systemUTC())) {
                LiveSetup.account(jdbi, elsewhere, "revoked"); // keys this exchange does not know
            }
            LiveSetup.strategy(jdbi, "main", "gone", "NOPEETH", "live", PARAMS);
        });
        exchange.setServerTimeSkew(Duration.ofSeconds(3));
        CliRun run = doctor();
        assertEquals(1, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals(4, lines.size(), run.out());
        assertTrue(lines.get(0).matches("FAIL  clock vs .*: this clock is (29|30)\\d\\d ms behind Binance's"), lines.get(0));
        assertEquals(List.of("OK    keys of account main: the keys may trade, permissions [SPOT], withdrawals disabled",
                "FAIL  keys of account revoked: Binance refused the keys: -2015 Invalid API-key, IP, or permissions for action.",
                "FAIL  symbol NOPEETH of strategy gone: Invalid symbol."), lines.subList(1, 4));
        assertEquals("", run.err());
    }
}
