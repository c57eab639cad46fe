package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.store.Database;
import bot.strategy.StrategyRegistry;
import bot.testing.Candles;
import bot.testing.ReplayFeed;
import bot.testing.Rows;
import bot.testing.Rules;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The daemon archives each network's candles as that network's: a production and a testnet
 * strategy on the same symbol and interval, each network's feed with its own prices (the
 * testnet's closes one tick apart from production's), leave two rows per minute.
 */
class DaemonCandlesPerNetworkTest {
    private static final int END = 30;

    @Test
    void aTestnetStrategysCandlesAreStoredAsTheTestnetsBesideProductions() throws InterruptedException {
        List<Candle> production = Candles.xrpEth("XRPETH").subList(0, END);
        List<Candle> testnet = production.stream().map(DaemonCandlesPerNetworkTest::oneTickUp).toList();
        try (Database db = TestDatabase.fresh()) {
            Jdbi jdbi = db.jdbi();
            Rows.strategy(jdbi, "on-production", "mean_reversion", "XRPETH", "paper", "{\"order_value\": 1}");
            long onTestnet = Rows.strategy(jdbi, "on-testnet", "mean_reversion", "XRPETH", "paper",
                    "{\"order_value\": 1}");
            jdbi.useHandle(h -> {
                h.execute("insert into accounts (name, key_type, testnet) values ('tn', 'none', true)");
                h.execute("update strategies set account_id = (select id from accounts where name = 'tn') where id = ?",
                        onTestnet);
            });
            ReplayFeed productionFeed = new ReplayFeed(Map.of("XRPETH", production), 20, END, () -> { });
            ReplayFeed testnetFeed = new ReplayFeed(Map.of("XRPETH", testnet), 20, END, () -> { });
            Exchange exchange = new Exchange(network -> network.testnet() ? testnetFeed : productionFeed,
                    network -> Rules.source(Rules.xrpEth()), Exchange.noLiveTrading("paper only"));
            try (Daemon daemon = Daemon.create(jdbi, StrategyRegistry.load(getClass().getClassLoader()), exchange,
                    Clock.systemUTC())) {
                assertEquals(2, daemon.start());
                assertTrue(daemon.awaitFirstAttempts(Duration.ofMinutes(1)));
            } // close drains the runners and then writes what the archiver holds

            for (String network : List.of("production", "testnet")) {
                List<Candle> fed = network.equals("testnet") ? testnet : production;
                List<BigDecimal> closes = jdbi.withHandle(h -> h.createQuery(
                        "select close from candles where network = :network and symbol = 'XRPETH' order by open_time")
                        .bind("network", network).mapTo(BigDecimal.class).list());
                assertEquals(fed.stream().map(Candle::close).map(BigDecimal::stripTrailingZeros).toList(),
                        closes.stream().map(BigDecimal::stripTrailingZeros).toList(), network);
            }
        }
    }

    /** The same candle one tick (1e-8) higher throughout. */
    private static Candle oneTickUp(Candle c) {
        BigDecimal tick = new BigDecimal("0.00000001");
        return new Candle(c.symbol(), c.interval(), c.openTime(), c.closeTime(), c.open().add(tick), c.high().add(tick),
                c.low().add(tick), c.close().add(tick), c.volume(), c.quoteVolume(), c.trades(), true);
    }
}
