package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Network;
import bot.domain.SymbolRules;
import bot.store.Database;
import bot.store.SymbolRulesRepository;
import bot.testing.BacktestData;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The daemon's exchange filters are stored as fetched, per network, so a backtest finds them offline. */
class RecordedSymbolRulesTest {

    @Test
    void storesWhatTheExchangeAnswersPerNetworkAndKeepsUpWithChanges() {
        try (Database db = TestDatabase.fresh()) {
            SymbolRulesRepository store = new SymbolRulesRepository(db.jdbi());
            AtomicReference<SymbolRules> answer = new AtomicReference<>(BacktestData.filUsdt());
            RecordedSymbolRules rules = new RecordedSymbolRules(s -> Optional.ofNullable(answer.get()),
                    Network.TESTNET, store);

            assertEquals(Optional.of(BacktestData.filUsdt()), rules.rules("FILUSDT"));
            assertEquals(Optional.of(BacktestData.filUsdt()), store.find(Network.TESTNET, "FILUSDT"));
            assertTrue(store.find(Network.PRODUCTION, "FILUSDT").isEmpty(), "networks are kept apart");

            SymbolRules changed = new SymbolRules("FILUSDT", "BREAK", "FIL", "USDT", new BigDecimal("0.001"),
                    new BigDecimal("1000"), new BigDecimal("0.0001"), new BigDecimal("0.01"), new BigDecimal("9000000"),
                    new BigDecimal("0.01"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("5"), true,
                    BigDecimal.ZERO, false);
            answer.set(changed);
            rules.rules("FILUSDT");
            SymbolRules stored = store.find(Network.TESTNET, "FILUSDT").orElseThrow();
            assertEquals("BREAK", stored.status());
            assertEquals(0, new BigDecimal("0.0001").compareTo(stored.tickSize()));
        }
    }

    @Test
    void aStoreThatFailsNeverStopsTheAnswer() {
        Database db = TestDatabase.fresh();
        SymbolRulesRepository store = new SymbolRulesRepository(db.jdbi());
        db.close(); // every write now fails
        RecordedSymbolRules rules = new RecordedSymbolRules(s -> Optional.of(BacktestData.filUsdt()),
                Network.PRODUCTION, store);
        assertEquals(Optional.of(BacktestData.filUsdt()), rules.rules("FILUSDT"));
    }
}
