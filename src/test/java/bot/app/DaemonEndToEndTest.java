package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.engine.StrategyRunner;
import bot.store.Database;
import bot.strategy.StrategyRegistry;
import bot.testing.Candles;
import bot.testing.MeanReversionReference;
import bot.testing.MeanReversionReference.Trade;
import bot.testing.ReplayFeed;
import bot.testing.Rows;
import bot.testing.Rules;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The daemon as wired for {@code bot start}, on real PostgreSQL, fed 500 real XRPETH minutes by a
 * fake feed, stopped after 250 and started again on the same database. The journal must hold
 * exactly the orders that a separate, plain implementation of the mean_reversion rules computes.
 */
class DaemonEndToEndTest {
    private static final int WINDOW = 20;
    private static final BigDecimal THRESHOLD = new BigDecimal("0.003");
    private static final BigDecimal ORDER_VALUE = BigDecimal.ONE; // ETH
    private static final BigDecimal FEE = new BigDecimal("0.001");
    private static final int RESTART_AT = 250;
    private static final int END = 500;

    @Test
    void paperMeanReversionTradesExactlyByTheRulesAcrossARestart() throws InterruptedException {
        List<Candle> candles = Candles.xrpEth("XRPETH").subList(0, END);
        try (Database db = TestDatabase.fresh()) {
            Jdbi jdbi = db.jdbi();
            long id = Rows.strategy(jdbi, "xrp-mr", "mean_reversion", "XRPETH", "paper",
                    "{\"order_value\": \"1\", \"threshold\": 0.003}");
            List<Trade> expected = MeanReversionReference.trades(candles, WINDOW, THRESHOLD, ORDER_VALUE,
                    new BigDecimal("0.002"), FEE, WINDOW, END);
            Trade openAtRestart = expected.stream().filter(t -> t.candleOpenTime() < candles.get(RESTART_AT).openTime())
                    .reduce((a, b) -> b).orElseThrow();
            assertEquals("BUY", openAtRestart.side(), "the restart must fall inside a position to test resuming it");
            assertTrue(expected.size() >= 8, "too few trades to be a test: " + expected.size());

            ReplayFeed firstFeed = runDaemon(jdbi, candles, WINDOW, RESTART_AT);
            assertTrue(firstFeed.isClosed());
            Map<String, Object> position = jdbi.withHandle(h -> h.createQuery(
                    "select qty, entry_price from positions where strategy_id = :id").bind("id", id).mapToMap().one());
            assertEquals(0, openAtRestart.qty().compareTo((BigDecimal) position.get("qty")));
            assertEquals(0, openAtRestart.price().compareTo((BigDecimal) position.get("entry_price")));

            runDaemon(jdbi, candles, RESTART_AT, END);

            List<Trade> journaled = jdbi.withHandle(h -> h.createQuery("""
                    select side, candle_open_time, executed_qty, avg_price, status, fee
                    from orders where strategy_id = :id order by id""").bind("id", id).map((rs, ctx) -> {
                        assertEquals("FILLED", rs.getString("status"));
                        assertEquals(0, rs.getBigDecimal("avg_price").multiply(rs.getBigDecimal("executed_qty"))
                                .multiply(FEE).compareTo(rs.getBigDecimal("fee")));
                        return new Trade(rs.getString("side"), rs.getLong("candle_open_time"),
                                rs.getBigDecimal("executed_qty").stripTrailingZeros(),
                                rs.getBigDecimal("avg_price").stripTrailingZeros());
                    }).list());
            assertEquals(expected, journaled);
            int roundTrips = jdbi.withHandle(h -> h.createQuery("select count(*) from round_trips where strategy_id = :id")
                    .bind("id", id).mapTo(Integer.class).one());
            assertEquals(expected.stream().filter(t -> t.side().equals("SELL")).count(), roundTrips);
        }
    }

    @Test
    void strategiesThatCannotRunAreRefusedAndTheOthersRun() throws InterruptedException {
        try (Database db = TestDatabase.fresh()) {
            Jdbi jdbi = db.jdbi();
            Rows.strategy(jdbi, "ok", "mean_reversion", "XRPETH", "paper", "{\"order_value\": 1}");
            Rows.strategy(jdbi, "no-kind", "martingale", "XRPETH", "paper", "{\"order_value\": 1}");
            Rows.strategy(jdbi, "bad-param", "mean_reversion", "XRPETH", "paper", "{\"order_value\": 1, \"window\": 1}");
            Rows.strategy(jdbi, "live-no-keys", "mean_reversion", "XRPETH", "live", "{\"order_value\": 1}");
            long live = Rows.strategy(jdbi, "live-keyed", "mean_reversion", "XRPETH", "live", "{\"order_value\": 1}");
            jdbi.useHandle(h -> {
                h.execute("insert into accounts (name, key_type, api_key_enc, api_secret_enc) values ('keyed', 'hmac', '\\x00', '\\x00')");
                h.execute("update strategies set account_id = (select id from accounts where name = 'keyed') where id = ?", live);
            });
            ReplayFeed feed = new ReplayFeed(Map.of(), 0, 0, () -> { });
            try (Daemon daemon = Daemon.create(jdbi, StrategyRegistry.load(getClass().getClassLoader()),
                    exchange(feed), Clock.systemUTC())) {
                assertEquals(5, daemon.start());
                assertTrue(daemon.awaitFirstAttempts(Duration.ofSeconds(30)));
                assertEquals(List.of("ok"), daemon.runners().stream().map(r -> r.identity().name()).toList());
                assertEquals(Map.of("ok", "RUNNING", "no-kind", "WAITING_TO_RETRY", "bad-param", "WAITING_TO_RETRY",
                        "live-no-keys", "WAITING_TO_RETRY", "live-keyed", "WAITING_TO_RETRY"), daemon.phases());
            }
        }
    }

    private ReplayFeed runDaemon(Jdbi jdbi, List<Candle> candles, int from, int to) throws InterruptedException {
        ReplayFeed feed = new ReplayFeed(Map.of("XRPETH", candles), from, to, () -> { });
        // a replay's clock: at the first live candle's close, so no replayed entry is stale
        Clock clock = Clock.fixed(Instant.ofEpochMilli(candles.get(from).closeTime()), ZoneOffset.UTC);
        try (Daemon daemon = Daemon.create(jdbi, StrategyRegistry.load(getClass().getClassLoader()), exchange(feed),
                clock)) {
            assertEquals(1, daemon.start());
            assertTrue(daemon.awaitFirstAttempts(Duration.ofSeconds(30)));
            daemon.close(); // drains: every candle the feed handed over is handled before it returns
            assertEquals(StrategyRunner.State.STOPPED, daemon.runners().get(0).state());
        }
        return feed;
    }

    private static Exchange exchange(ReplayFeed feed) {
        return new Exchange(network -> feed, network -> Rules.source(Rules.xrpEth()),
                Exchange.noLiveTrading("live trading is not available yet"));
    }

}
