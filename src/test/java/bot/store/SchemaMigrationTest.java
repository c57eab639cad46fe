package bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.TestDatabase;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    @Test
    void migrationCreatesEveryTableWithNumericMoney() {
        try (Database db = TestDatabase.fresh()) {
            List<String> tables = db.jdbi().withHandle(h -> h.createQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' order by 1")
                    .mapTo(String.class).list());
            assertTrue(tables.containsAll(List.of("accounts", "candles", "fills", "orders", "positions",
                    "round_trips", "strategies")), tables.toString());
            List<String> nonNumericMoney = db.jdbi().withHandle(h -> h.createQuery(
                    "select table_name || '.' || column_name from information_schema.columns where table_schema = 'public'"
                            + " and column_name in ('open','high','low','close','volume','price','qty','commission','fee',"
                            + "'requested_qty','executed_qty','avg_price','net_pnl','gross_pnl','fees','entry_price')"
                            + " and data_type <> 'numeric'").mapTo(String.class).list());
            assertEquals(List.of(), nonNumericMoney);
            String paramsType = db.jdbi().withHandle(h -> h.createQuery(
                    "select data_type from information_schema.columns where table_name = 'strategies' and column_name = 'params'")
                    .mapTo(String.class).one());
            assertEquals("jsonb", paramsType);
        }
    }

    @Test
    void theDeadEntryQtyColumnIsGone() {
        try (Database db = TestDatabase.fresh()) {
            List<String> columns = db.jdbi().withHandle(h -> h.createQuery(
                    "select column_name from information_schema.columns where table_name = 'positions'")
                    .mapTo(String.class).list());
            assertTrue(columns.contains("entry_cost") && !columns.contains("entry_qty"), columns.toString());
        }
    }

    @Test
    void journalIndexesExist() {
        try (Database db = TestDatabase.fresh()) {
            Set<String> indexes = Set.copyOf(db.jdbi().withHandle(h -> h.createQuery(
                    "select indexname from pg_indexes where schemaname = 'public'").mapTo(String.class).list()));
            assertTrue(indexes.containsAll(Set.of("orders_strategy_time_idx", "orders_mode_idx",
                    "round_trips_strategy_time_idx", "round_trips_mode_idx", "candles_pkey")), indexes.toString());
        }
    }

    @Test
    void aClientOrderIdCanNeverBeJournaledTwice() {
        try (Database db = TestDatabase.fresh()) {
            db.jdbi().useHandle(h -> {
                h.execute("insert into accounts (name, key_type) values ('a', 'none')");
                h.execute("insert into strategies (name, account_id, kind, symbol, interval, mode, params)"
                        + " values ('s', 1, 'mean_reversion', 'BTCUSDT', '1m', 'paper', '{}')");
                h.execute("insert into orders (client_order_id, strategy_id, mode, symbol, side, type, status,"
                        + " requested_qty, candle_open_time) values ('id-1', 1, 'paper', 'BTCUSDT', 'BUY', 'MARKET', 'PENDING', 1, 1000)");
            });
            assertThrows(UnableToExecuteStatementException.class, () -> db.jdbi().useHandle(h -> h.execute(
                    "insert into orders (client_order_id, strategy_id, mode, symbol, side, type, status,"
                            + " requested_qty, candle_open_time) values ('id-1', 1, 'paper', 'BTCUSDT', 'BUY', 'MARKET', 'PENDING', 1, 2000)")));
            assertThrows(UnableToExecuteStatementException.class, () -> db.jdbi().useHandle(h -> h.execute(
                    "insert into orders (client_order_id, strategy_id, mode, symbol, side, type, status,"
                            + " requested_qty, candle_open_time) values ('id-2', 1, 'paper', 'BTCUSDT', 'BUY', 'MARKET', 'PENDING', 1, 1000)")),
                    "a second order for the same signal candle and attempt");
        }
    }

    @Test
    void anUnreachableDatabaseIsNamedWithoutItsPassword() {
        DatabaseException e = assertThrows(DatabaseException.class, () -> Database.connect(
                "jdbc:postgresql://127.0.0.1:1/bot?password=sekret", "u", "sekret", null));
        assertTrue(e.getMessage().startsWith("cannot connect to database jdbc:postgresql://127.0.0.1:1/bot"), e.getMessage());
        assertTrue(!e.getMessage().contains("sekret"), e.getMessage());
    }
}
