package bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Interval;
import bot.domain.Mode;
import bot.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StrategyRepositoryTest {
    private final Database db = TestDatabase.fresh();
    private final StrategyRepository strategies = new StrategyRepository(db.jdbi());
    private final long accountId = new AccountRepository(db.jdbi())
            .insert(new NewAccount("main", "none", null, null, null, false));

    @AfterEach
    void close() {
        db.close();
    }

    private NewStrategy strategy(String name, boolean enabled) {
        return new NewStrategy(name, accountId, "mean_reversion", "BTCUSDT", Interval.M1, Mode.PAPER,
                Map.of("order_value", "100.50", "threshold", "0.0050", "window", "20"), enabled);
    }

    @Test
    void storesEveryFieldAndKeepsDecimalTextExact() {
        long id = strategies.insert(strategy("mr", true));
        StoredStrategy stored = strategies.find("mr").orElseThrow();
        assertEquals(id, stored.id());
        assertEquals("main", stored.account());
        assertEquals(accountId, stored.accountId());
        assertEquals("mean_reversion", stored.kind());
        assertEquals("BTCUSDT", stored.symbol());
        assertEquals(Interval.M1, stored.interval());
        assertEquals(Mode.PAPER, stored.mode());
        assertEquals(List.of("order_value", "threshold", "window"), List.copyOf(stored.params().keySet()));
        assertEquals("100.50", stored.params().get("order_value"));
        assertEquals("0.0050", stored.params().get("threshold"));
        assertTrue(stored.enabled());
        String json = db.jdbi().withHandle(h -> h.createQuery("select params->>'threshold' from strategies")
                .mapTo(String.class).one());
        assertEquals("0.0050", json, "stored as a JSON string, not a float");
    }

    @Test
    void enablingAndDisablingTouchOnlyThatStrategy() {
        strategies.insert(strategy("a", true));
        strategies.insert(strategy("b", false));
        assertEquals(List.of("a"), strategies.enabled().stream().map(StoredStrategy::name).toList());
        assertTrue(strategies.setEnabled("a", false));
        assertTrue(strategies.setEnabled("b", true));
        assertFalse(strategies.setEnabled("nope", true));
        assertEquals(List.of("b"), strategies.enabled().stream().map(StoredStrategy::name).toList());
        assertEquals(List.of("a", "b"), strategies.all().stream().map(StoredStrategy::name).toList());
    }

    @Test
    void takenNameIsANameTakenException() {
        strategies.insert(strategy("mr", true));
        assertThrows(NameTakenException.class, () -> strategies.insert(strategy("mr", false)));
        assertEquals(1, strategies.all().size());
    }
}
