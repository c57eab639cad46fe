package bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Rows written by an older schema, then the bot's own start migrating them to the newest. */
class SchemaUpgradeTest {

    /** A database migrated up to {@code version} only, as an older bot left it. */
    private static String migratedTo(String version) {
        String url = TestDatabase.emptyUrl();
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password()).locations("classpath:db/migration").target(version)
                .loggers("slf4j").load().migrate();
        return url;
    }

    @Test
    void candlesStoredBeforeNetworksExistedBecomeProductions() {
        String url = migratedTo("3");
        Jdbi.create(url, TestDatabase.user(), TestDatabase.password()).useHandle(h -> h.execute("insert into candles (symbol, interval, open_time, close_time, open,"
                + " high, low, close, volume) values ('BTCUSDT', '1m', 0, 59999, 1, 1, 1, 1, 1)"));
        try (Database db = Database.connect(url, TestDatabase.user(), TestDatabase.password(), null)) {
            List<String> networks = db.jdbi().withHandle(h -> h.createQuery("select network from candles")
                    .mapTo(String.class).list());
            assertEquals(List.of("production"), networks);
        }
    }

    @Test
    void commissionsInBnbJournaledBeforeTheyWereValuedAreMarkedUnvaluedAndQuoteOnesValued() {
        String url = migratedTo("4");
        Jdbi.create(url, TestDatabase.user(), TestDatabase.password()).useHandle(h -> {
            h.execute("insert into accounts (name, key_type) values ('a', 'none')");
            h.execute("insert into strategies (name, account_id, kind, symbol, interval, mode, params)"
                    + " values ('s', 1, 'mean_reversion', 'BTCUSDT', '1m', 'live', '{}')");
            String order = "insert into orders (client_order_id, strategy_id, mode, symbol, side, type, status,"
                    + " requested_qty, executed_qty, quote_qty, avg_price, fee, fee_asset, candle_open_time)"
                    + " values (?, 1, 'live', 'BTCUSDT', ?, 'MARKET', 'FILLED', 0.01, 0.01, ?, ?, ?, ?, ?)";
            h.execute(order, "buy", "BUY", 400, 40000, new BigDecimal("0.0007"), "BNB", 1);
            h.execute(order, "sell", "SELL", 401, 40100, new BigDecimal("0.401"), "USDT", 2);
            h.execute(order, "buy-btc", "BUY", 400, 40000, new BigDecimal("0.00001"), "BTC", 3);
            h.execute("insert into round_trips (strategy_id, mode, symbol, entry_order_id, exit_order_id, qty,"
                    + " entry_price, exit_price, entry_value, exit_value, fees, net_pnl, gross_pnl, opened_at, closed_at)"
                    + " values (1, 'live', 'BTCUSDT', 1, 2, 0.01, 40000, 40100, 400, 401, 0.401, 0.599, 1, now(), now())");
        });
        try (Database db = Database.connect(url, TestDatabase.user(), TestDatabase.password(), null)) {
            List<String> orders = db.jdbi().withHandle(h -> h.createQuery(
                    "select client_order_id || ' ' || fee_quote || ' ' || coalesce(unvalued_fees::text, '-')"
                            + " from orders order by id").mapTo(String.class).list());
            assertEquals(List.of("buy 0 {\"BNB\": \"0.0007\"}", "sell 0.401 -", "buy-btc 0.40000 -"), orders);
            String trip = db.jdbi().withHandle(h -> h.createQuery("select unvalued_fees::text from round_trips")
                    .mapTo(String.class).one());
            assertEquals("{\"BNB\": \"0.0007\"}", trip);
        }
    }
}
