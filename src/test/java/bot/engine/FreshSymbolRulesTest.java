package bot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bot.domain.SymbolRules;
import bot.testing.AdjustableClock;
import bot.testing.Rules;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreshSymbolRulesTest {
    private final SymbolRules btc = Rules.fromExchangeInfo("BTCUSDT");
    private final AtomicInteger calls = new AtomicInteger();
    private boolean down;
    private final SymbolRulesSource exchange = symbol -> {
        calls.incrementAndGet();
        if (down) {
            throw new UncheckedIOException(new java.io.IOException("unreachable"));
        }
        return symbol.equals("BTCUSDT") ? Optional.of(btc) : Optional.empty();
    };

    @Test
    void rulesAreFetchedOnceUntilTheyAreOld() {
        AdjustableClock clock = new AdjustableClock(Instant.parse("2026-01-01T00:00:00Z"));
        FreshSymbolRules rules = new FreshSymbolRules(exchange, clock, Duration.ofMinutes(10));
        assertEquals(Optional.of(btc), rules.rules("BTCUSDT"));
        clock.advance(Duration.ofMinutes(9));
        assertEquals(Optional.of(btc), rules.rules("BTCUSDT"));
        assertEquals(1, calls.get());
        clock.advance(Duration.ofMinutes(1));
        rules.rules("BTCUSDT");
        assertEquals(2, calls.get());
    }

    @Test
    void theLastKnownRulesStandWhileTheExchangeIsUnreachable() {
        AdjustableClock clock = new AdjustableClock(Instant.parse("2026-01-01T00:00:00Z"));
        FreshSymbolRules rules = new FreshSymbolRules(exchange, clock, Duration.ofMinutes(10));
        rules.rules("BTCUSDT");
        down = true;
        clock.advance(Duration.ofHours(1));
        assertEquals(Optional.of(btc), rules.rules("BTCUSDT"));
        assertThrows(UncheckedIOException.class, () -> rules.rules("ETHUSDT"), "nothing known to fall back on");
    }
}
