package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.store.Database;
import bot.strategy.StrategyRegistry;
import bot.testing.Candles;
import bot.testing.CliRun;
import bot.testing.ReplayFeed;
import bot.testing.Rows;
import bot.testing.Rules;
import bot.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real paper run (the daemon's wiring, 600 real XRPETH minutes, real PostgreSQL), then
 * {@code bot report --format json} checked against {@code bot orders --format json} of the same
 * run: round trips, fees and net profit recomputed from the orders alone.
 */
class PaperRunReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;

    @Test
    void theReportAgreesWithTheOrdersOfTheRun() throws Exception {
        List<Candle> candles = Candles.xrpEth("XRPETH").subList(0, 600);
        try (Database db = TestDatabase.fresh()) {
            Rows.strategy(db.jdbi(), "xrp-mr", "mean_reversion", "XRPETH", "paper",
                    "{\"order_value\": \"1\", \"threshold\": 0.003}");
            ReplayFeed feed = new ReplayFeed(Map.of("XRPETH", candles), 20, candles.size(), () -> { });
            // a replay's clock: at the first live candle's close, so no replayed entry is stale
            Clock clock = Clock.fixed(Instant.ofEpochMilli(candles.get(20).closeTime()), ZoneOffset.UTC);
            Exchange exchange = new Exchange(network -> feed, network -> Rules.source(Rules.xrpEth()),
                    Exchange.noLiveTrading("paper only"));
            try (Daemon daemon = Daemon.create(db.jdbi(), StrategyRegistry.load(getClass().getClassLoader()), exchange,
                    clock)) {
                daemon.start();
                assertTrue(daemon.awaitFirstAttempts(Duration.ofSeconds(30)));
            }

            Map<String, String> env = Map.of("BOT_DB_URL", ((HikariDataSource) db.dataSource()).getJdbcUrl());
            CliRun orders = CliRun.run(home, env, null, "orders", "--format", "json");
            CliRun report = CliRun.run(home, env, null, "report", "--format", "json");
            assertEquals(0, orders.exitCode(), orders.err());
            assertEquals(0, report.exitCode(), report.err());

            List<JsonNode> filled = new ArrayList<>();
            JSON.readTree(orders.out()).forEach(o -> {
                if (o.get("status").asText().equals("FILLED")) {
                    filled.add(o);
                }
            });
            BigDecimal fees = BigDecimal.ZERO;
            BigDecimal net = BigDecimal.ZERO;
            int roundTrips = 0;
            JsonNode entry = null;
            for (JsonNode order : filled) {
                assertEquals("ETH", order.get("feeAsset").asText(), "paper fees are charged in the quote asset");
                BigDecimal fee = new BigDecimal(order.get("fee").asText());
                BigDecimal value = new BigDecimal(order.get("qty").asText()).multiply(new BigDecimal(order.get("price").asText()));
                fees = fees.add(fee);
                if (order.get("side").asText().equals("BUY")) {
                    entry = order;
                    net = net.subtract(value).subtract(fee);
                } else {
                    assertTrue(entry != null, "a SELL without an entry");
                    net = net.add(value).subtract(fee);
                    roundTrips++;
                    entry = null;
                }
            }
            if (entry != null) { // the open position's entry is not part of a closed round trip
                BigDecimal value = new BigDecimal(entry.get("qty").asText()).multiply(new BigDecimal(entry.get("price").asText()));
                net = net.add(value).add(new BigDecimal(entry.get("fee").asText()));
            }
            assertTrue(roundTrips >= 5, "too few round trips to be a test: " + roundTrips);

            JsonNode total = JSON.readTree(report.out()).get("total");
            JsonNode strategy = JSON.readTree(report.out()).get("strategies").get(0);
            assertEquals("xrp-mr", strategy.get("strategy").asText());
            assertEquals(roundTrips, total.get("trades").asInt());
            assertEquals(0, fees.compareTo(new BigDecimal(total.get("fees").asText())),
                    "fees " + fees + " vs " + total.get("fees"));
            assertEquals(0, net.compareTo(new BigDecimal(total.get("netProfit").asText())),
                    "net " + net + " vs " + total.get("netProfit"));
        }
    }
}
