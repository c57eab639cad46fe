package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bot.report.Kpis;
import bot.report.Report;
import bot.store.Database;
import bot.store.JournalFilter;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * An open position is valued at the candles of its own account's network: the testnet and
 * production both have a BTCUSDT 1m candle at the same open time, at different closes.
 */
class OpenPositionNetworkTest {

    @Test
    void aTestnetPositionIsValuedAtTheTestnetCloseAndAProductionOneAtProductions() {
        try (Database db = TestDatabase.fresh()) {
            db.jdbi().useTransaction(h -> {
                position(h, strategy(h, "on-testnet", account(h, "tn", true)));
                position(h, strategy(h, "on-production", account(h, "pr", false)));
                candle(h, "testnet", 0, "30000");
                candle(h, "production", 0, "40500");
                candle(h, "production", 1, "41000"); // the latest candle of all, but not the testnet's
            });
            Report report = new JournalReporter(db.jdbi()).report(JournalFilter.ALL);
            Kpis testnet = row(report, "on-testnet");
            assertEquals(0, new BigDecimal("30000").compareTo(testnet.openPosition().lastPrice()));
            // 0.0025 x 30000 - 100 - 0.1
            assertEquals(0, new BigDecimal("-25.1").compareTo(testnet.unrealizedPnl()), testnet.unrealizedPnl()::toString);
            Kpis production = row(report, "on-production");
            assertEquals(0, new BigDecimal("41000").compareTo(production.openPosition().lastPrice()));
            // 0.0025 x 41000 - 100 - 0.1
            assertEquals(0, new BigDecimal("2.4").compareTo(production.unrealizedPnl()), production.unrealizedPnl()::toString);
        }
    }

    private static Kpis row(Report report, String strategy) {
        return report.strategies().stream().filter(k -> strategy.equals(k.strategy())).findFirst().orElseThrow();
    }

    private static long account(Handle h, String name, boolean testnet) {
        return h.createUpdate("insert into accounts (name, key_type, testnet) values (:name, 'none', :testnet)")
                .bind("name", name).bind("testnet", testnet).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static long strategy(Handle h, String name, long account) {
        return h.createUpdate("""
                insert into strategies (name, account_id, kind, symbol, interval, mode, params)
                values (:name, :account, 'mean_reversion', 'BTCUSDT', '1m', 'paper', '{"order_value": "100"}')""")
                .bind("name", name).bind("account", account).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** 0.0025 BTC bought at 40000 for 100 USDT, 0.1 USDT commission. */
    private static void position(Handle h, long strategy) {
        long order = h.createUpdate("""
                insert into orders (client_order_id, strategy_id, mode, symbol, side, type, status, requested_qty,
                                    executed_qty, quote_qty, avg_price, fee, fee_asset, candle_open_time)
                values (:cid, :strategy, 'paper', 'BTCUSDT', 'BUY', 'MARKET', 'FILLED', 0.0025, 0.0025, 100, 40000,
                        0.1, 'USDT', 0)""")
                .bind("cid", "o" + strategy).bind("strategy", strategy)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.execute("""
                insert into positions (strategy_id, symbol, qty, entry_price, entry_cost, entry_fee_quote, entry_order_id,
                                       opened_at)
                values (?, 'BTCUSDT', 0.0025, 40000, 100, 0.1, ?, timestamptz '2024-01-05 00:00:00+00')""",
                strategy, order);
    }

    /** The BTCUSDT 1m candle {@code minute} minutes after 2024-01-05 01:00Z. */
    private static void candle(Handle h, String network, int minute, String close) {
        long open = 1704416400000L + minute * 60_000L;
        h.execute("""
                insert into candles (network, symbol, interval, open_time, close_time, open, high, low, close, volume)
                values (?, 'BTCUSDT', '1m', ?, ?, ?, ?, ?, ?, 1)""", network, open, open + 59_999,
                new BigDecimal(close), new BigDecimal(close), new BigDecimal(close), new BigDecimal(close));
    }
}
