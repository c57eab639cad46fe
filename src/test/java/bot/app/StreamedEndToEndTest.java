package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.market.BinanceMarketFeed;
import bot.market.ConnectionAttemptBudget;
import bot.rest.RestHosts;
import bot.store.Database;
import bot.strategy.StrategyRegistry;
import bot.testing.Candles;
import bot.testing.FakeBinance;
import bot.testing.MeanReversionReference;
import bot.testing.MeanReversionReference.Trade;
import bot.testing.Rows;
import bot.testing.Rules;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.OkHttpClient;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The whole market path of {@code bot start}: a fake Binance streams 500 real XRPETH minutes over a
 * WebSocket in Binance's own event format (warm-up from its REST klines), the real feed parses them
 * and the daemon trades a paper mean_reversion strategy on real PostgreSQL. Midway the connection
 * is cut and a candle's final update skipped; the journal must still hold exactly the orders that a
 * separate implementation of the rules computes, and the candles table every candle once.
 */
class StreamedEndToEndTest {
    private static final int WINDOW = 20;
    private static final int END = 500;

    @Test
    void streamedCandlesTradeExactlyByTheRulesThroughDropsAndGaps() throws Exception {
        List<Candle> candles = Candles.xrpEth("XRPETH").subList(0, END);
        try (Database db = TestDatabase.fresh(); FakeBinance binance = new FakeBinance(candles.get(WINDOW).openTime())) {
            Jdbi jdbi = db.jdbi();
            binance.addCandles(candles);
            long id = Rows.strategy(jdbi, "xrp-mr", "mean_reversion", "XRPETH", "paper",
                    "{\"order_value\": \"1\", \"threshold\": 0.003}");
            List<Trade> expected = MeanReversionReference.trades(candles, WINDOW, new BigDecimal("0.003"),
                    BigDecimal.ONE, new BigDecimal("0.002"), new BigDecimal("0.001"), WINDOW, END);
            assertTrue(expected.size() >= 6, "too few trades to be a test: " + expected.size());

            Clock clock = Clock.systemUTC();
            OkHttpClient http = new OkHttpClient();
            Exchange exchange = new Exchange(
                    network -> new BinanceMarketFeed(RestHosts.standard(clock).host(binance.restUrl()), binance.wsUrl(), http, clock,
                            ConnectionAttemptBudget.binance(clock)),
                    network -> Rules.source(Rules.xrpEth()),
                    Exchange.noLiveTrading("paper only"));
            // the engine's clock at the first streamed candle's close: the recorded candles are years old
            Clock engineClock = Clock.fixed(Instant.ofEpochMilli(candles.get(WINDOW).closeTime()), ZoneOffset.UTC);
            try (Daemon daemon = Daemon.create(jdbi, StrategyRegistry.load(getClass().getClassLoader()), exchange,
                    engineClock)) {
                assertEquals(1, daemon.start());
                awaitConnected(binance);
                for (int i = WINDOW; i < END; i++) {
                    if (i == 220) {
                        binance.dropConnections();
                    }
                    binance.streamNext("XRPETH", Interval.M1, i != 300);
                }
                awaitStored(jdbi, candles.get(END - 1).openTime());
            }

            List<Trade> journaled = jdbi.withHandle(h -> h.createQuery("""
                    select side, candle_open_time, executed_qty, avg_price from orders
                    where strategy_id = :id and status = 'FILLED' order by id""").bind("id", id)
                    .map((rs, ctx) -> new Trade(rs.getString("side"), rs.getLong("candle_open_time"),
                            rs.getBigDecimal("executed_qty").stripTrailingZeros(),
                            rs.getBigDecimal("avg_price").stripTrailingZeros())).list());
            assertEquals(expected, journaled);
            int stored = jdbi.withHandle(h -> h.createQuery("select count(*) from candles where symbol = 'XRPETH'")
                    .mapTo(Integer.class).one());
            assertEquals(END, stored, "every closed candle stored once: the warm-up's 20, then the streamed ones");
        }
    }

    private static void awaitConnected(FakeBinance binance) throws InterruptedException {
        for (int i = 0; i < 200 && binance.openConnections() == 0; i++) {
            Thread.sleep(50);
        }
        assertTrue(binance.openConnections() > 0, "the feed never connected");
    }

    /** Bounded wait until the archiver, subscribed after the runner, has stored the candle. */
    private static void awaitStored(Jdbi jdbi, long openTime) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            boolean stored = jdbi.withHandle(h -> h.createQuery("select count(*) from candles where open_time = :t")
                    .bind("t", openTime).mapTo(Integer.class).one()) > 0;
            if (stored) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the last candle never reached the archive");
    }
}
