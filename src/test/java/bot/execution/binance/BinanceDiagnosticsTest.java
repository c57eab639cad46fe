package bot.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.execution.binance.BinanceDiagnostics.Finding;
import bot.testing.LiveGatewayKit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BinanceDiagnosticsTest {
    private final LiveGatewayKit kit = new LiveGatewayKit();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void reportsClockKeysAndSymbols() {
        kit.exchange.addHmacAccount("key-ok", "right");
        kit.exchange.setServerTimeSkew(Duration.ofMillis(2500));
        BinanceDiagnostics doctor = new BinanceDiagnostics(kit.factory.signedClient(kit.exchange.baseUrl(), "key-ok",
                "hmac", "right".getBytes(StandardCharsets.US_ASCII)));

        Finding clock = doctor.clockOffset(Duration.ofSeconds(1));
        assertFalse(clock.ok());
        assertEquals("this clock is 2500 ms behind Binance's", clock.detail());
        assertTrue(doctor.clockOffset(Duration.ofSeconds(3)).ok());
        Finding keys = doctor.keys();
        assertTrue(keys.ok(), keys.detail());
        assertTrue(doctor.symbolTrading("BTCUSDT").ok());
        assertEquals(new Finding("symbol NOPE", false, "Invalid symbol."), doctor.symbolTrading("NOPE"));

        BinanceDiagnostics wrong = new BinanceDiagnostics(kit.factory.signedClient(kit.exchange.baseUrl(), "key-unknown",
                "hmac", "x".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(new Finding("keys", false, "Binance refused the keys: -2015 Invalid API-key, IP, or permissions for action."),
                wrong.keys());
    }
}
