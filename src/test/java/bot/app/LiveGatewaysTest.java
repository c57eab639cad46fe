package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.engine.LookupBackoff;
import bot.execution.binance.BinanceGatewayFactory;
import bot.security.MasterKeySource;
import bot.store.EnabledStrategies;
import bot.testing.LiveDaemonKit;
import bot.testing.LiveSetup;
import bot.testing.LogCapture;
import bot.testing.ReplayFeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live gateways for bot start: credentials decrypted with the master key, one gateway per account. */
class LiveGatewaysTest {
    private static final String PARAMS = "{\"order_value\": \"1\"}";

    private final LiveDaemonKit live = new LiveDaemonKit();

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void theStrategiesOfOneAccountShareItsGateway() {
        LiveSetup.account(live.jdbi, live.exchange, "main");
        LiveSetup.strategy(live.jdbi, "main", "one", "XRPETH", "live", PARAMS);
        LiveSetup.strategy(live.jdbi, "main", "two", "XRPETH", "live", PARAMS);
        LiveSetup.account(live.jdbi, live.exchange, "other");
        LiveSetup.strategy(live.jdbi, "other", "three", "XRPETH", "live", PARAMS);
        List<EnabledStrategies.Definition> strategies = new EnabledStrategies(live.jdbi).load();
        LiveGateways gateways = live.liveGateways(LiveSetup.masterKeys());
        assertSame(gateways.forAccount(strategies.get(0).storedAccount()),
                gateways.forAccount(strategies.get(1).storedAccount()));
        assertFalse(gateways.forAccount(strategies.get(0).storedAccount())
                == gateways.forAccount(strategies.get(2).storedAccount()));
    }

    @Test
    void aMasterKeyThatIsMissingOrWrongRefusesTheLiveStrategiesInOneLineAndThePaperOnesRun(@TempDir Path home)
            throws InterruptedException {
        LiveSetup.account(live.jdbi, live.exchange, "main");
        LiveSetup.strategy(live.jdbi, "main", "xrp-live", "XRPETH", "live", PARAMS);
        LiveSetup.strategy(live.jdbi, "main", "xrp-paper", "XRPETH", "paper", PARAMS);
        Path missing = home.resolve("master.key");
        MasterKeySource absent = MasterKeySource.of(Optional.empty(), Optional.of(missing), Optional.empty(), missing);
        MasterKeySource wrong = MasterKeySource.of(Optional.of(Base64.getEncoder().encodeToString(new byte[32])),
                Optional.empty(), Optional.empty(), missing);

        assertEquals("strategy refused: the API keys of account main cannot be decrypted: master key BOT_MASTER_KEY_FILE ("
                + missing + ") does not exist", refusal(absent));
        assertEquals("strategy refused: the API keys of account main cannot be decrypted: cannot decrypt the stored"
                + " credential of account 'main' api_key with the master key from BOT_MASTER_KEY: it is not the key the"
                + " credential was encrypted with, or the stored value was altered", refusal(wrong));
    }

    private String refusal(MasterKeySource keys) throws InterruptedException {
        try (LogCapture errors = LogCapture.errorsOf(StrategySupervisor.class);
             Daemon daemon = live.daemon(new ReplayFeed(Map.of(), 0, 0, () -> { }), keys)) {
            assertEquals(2, daemon.start());
            assertTrue(daemon.awaitFirstAttempts(Duration.ofSeconds(30)));
            assertEquals(List.of("xrp-paper"), daemon.runners().stream().map(r -> r.identity().name()).toList());
            assertEquals(1, errors.count());
            String line = errors.errors().get(0);
            assertFalse(line.contains(LiveSetup.secret("main")) || line.contains(LiveSetup.apiKey("main")), line);
            assertTrue(line.lines().count() == 1, line);
            return line;
        }
    }

    @Test
    void lookupsOutlastTheTimeAnUnansweredOrderMayStillArrive() {
        Duration doubt = BinanceGatewayFactory.DEFAULT_RECV_WINDOW.plusSeconds(1);
        assertTrue(LookupBackoff.DEFAULT.total().compareTo(doubt.multipliedBy(2)) > 0,
                "a \"does not exist\" must become trustworthy well before the lookups give up");
    }
}
