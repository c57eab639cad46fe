package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.app.RiskSetup;
import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Mode;
import bot.store.AccountRepository;
import bot.store.Database;
import bot.store.NewAccount;
import bot.store.NewStrategy;
import bot.store.StrategyRepository;
import bot.testing.BacktestData;
import bot.testing.CliRun;
import bot.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bot backtest} end to end on the real FILUSDT February 2023 (binance-vision): its orders equal
 * an independent re-implementation of mean_reversion's rules with a stop loss and slippage, its KPIs
 * a recomputation from those orders by the README's formulas; and bad input writes nothing.
 */
class BacktestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = "{\"order_value\": 100, \"window\": 30, \"threshold\": \"0.01\","
            + " \"stop_loss\": \"0.02\", \"slippage\": \"0.0005\"}";
    private static Database db;
    private static List<Candle> candles;

    @TempDir
    Path home;

    @BeforeAll
    static void store() {
        db = TestDatabase.fresh();
        candles = BacktestData.storeFilUsdtFebruary(db.jdbi());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** One order of the rules: signal candle, side, quantity, fill price, fee. */
    record Order(long candle, String side, BigDecimal qty, BigDecimal price, BigDecimal fee) {
        static Order of(long candle, String side, BigDecimal qty, BigDecimal price, BigDecimal fee) {
            return new Order(candle, side, qty.stripTrailingZeros(), price.stripTrailingZeros(), fee.stripTrailingZeros());
        }
    }

    /**
     * interface.md's mean_reversion written plainly: the first {@code window} candles warm it up; an
     * entry buys floor(100 / close, 0.01) at close x 1.0005 rounded up to 0.001; an exit sells it all
     * at close x 0.9995 rounded down; fee = price x qty x 0.001 in USDT.
     */
    private static List<Order> reference() {
        int window = 30;
        BigDecimal threshold = new BigDecimal("0.01");
        BigDecimal fee = new BigDecimal("0.001");
        BigDecimal slip = new BigDecimal("0.0005");
        BigDecimal tick = new BigDecimal("0.001");
        BigDecimal profitFactor = BigDecimal.ONE.add(new BigDecimal("0.002")).add(fee).add(fee);
        BigDecimal stopFactor = BigDecimal.ONE.subtract(new BigDecimal("0.02"));
        List<Order> orders = new ArrayList<>();
        BigDecimal entry = null;
        BigDecimal held = null;
        for (int i = window; i < candles.size(); i++) {
            Candle c = candles.get(i);
            BigDecimal close = c.close();
            if (entry == null) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int j = i - window + 1; j <= i; j++) {
                    sum = sum.add(candles.get(j).close());
                }
                if (close.multiply(BigDecimal.valueOf(window)).compareTo(sum.multiply(BigDecimal.ONE.subtract(threshold))) < 0) {
                    BigDecimal qty = new BigDecimal(100).divide(close, 2, RoundingMode.FLOOR);
                    BigDecimal price = close.multiply(BigDecimal.ONE.add(slip)).divide(tick, 0, RoundingMode.CEILING)
                            .multiply(tick);
                    orders.add(Order.of(c.openTime(), "BUY", qty, price, price.multiply(qty).multiply(fee)));
                    entry = price;
                    held = qty;
                }
            } else if (close.compareTo(entry.multiply(profitFactor)) >= 0
                    || close.compareTo(entry.multiply(stopFactor)) <= 0) {
                BigDecimal price = close.multiply(BigDecimal.ONE.subtract(slip)).divide(tick, 0, RoundingMode.FLOOR)
                        .multiply(tick);
                orders.add(Order.of(c.openTime(), "SELL", held, price, price.multiply(held).multiply(fee)));
                entry = null;
            }
        }
        return orders;
    }

    @Test
    void ordersEqualTheRulesAndKpisEqualTheirRecomputation() throws Exception {
        CliRun run = cli("backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT", "--interval", "1m",
                "--config", CONFIG, "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = JSON.readTree(run.out());
        long id = result.get("run").asLong();
        assertEquals(candles.size() - 30, result.get("candles").asLong());
        assertEquals(0, result.get("gaps").size(), "February 2023 has no gaps");

        List<Order> expected = reference();
        CliRun listed = cli("orders", "--run", Long.toString(id), "--format", "json");
        assertEquals(0, listed.exitCode(), listed.err());
        List<Order> actual = new ArrayList<>();
        for (JsonNode o : JSON.readTree(listed.out())) {
            assertEquals("FILLED", o.get("status").asText());
            assertEquals("USDT", o.get("feeAsset").asText());
            actual.add(Order.of(o.get("candleOpenTime").asLong(), o.get("side").asText(), dec(o, "qty"),
                    dec(o, "price"), dec(o, "fee")));
        }
        assertTrue(expected.size() > 20, "the month should trade: " + expected.size());
        assertTrue(stops(expected) > 0, "some exits should be stop losses");
        assertEquals(expected, actual);

        // KPIs by the README's formulas from the reference's orders
        List<BigDecimal> pnl = new ArrayList<>();
        BigDecimal fees = BigDecimal.ZERO;
        for (int i = 0; i < expected.size(); i++) {
            Order o = expected.get(i);
            fees = fees.add(o.fee());
            if (o.side().equals("SELL")) {
                Order buy = expected.get(i - 1);
                pnl.add(o.price().multiply(o.qty()).subtract(buy.price().multiply(buy.qty())).subtract(buy.fee())
                        .subtract(o.fee()));
            }
        }
        BigDecimal grossProfit = pnl.stream().filter(p -> p.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal grossLoss = pnl.stream().filter(p -> p.signum() < 0).reduce(BigDecimal.ZERO, BigDecimal::add);
        long wins = pnl.stream().filter(p -> p.signum() > 0).count();
        long losses = pnl.stream().filter(p -> p.signum() < 0).count();
        BigDecimal equity = BigDecimal.ZERO;
        BigDecimal peak = BigDecimal.ZERO;
        BigDecimal drawdown = BigDecimal.ZERO;
        for (BigDecimal p : pnl) {
            equity = equity.add(p);
            peak = peak.max(equity);
            drawdown = drawdown.max(peak.subtract(equity));
        }
        JsonNode kpis = result.get("strategies").get(0);
        assertEquals(pnl.size(), kpis.get("trades").asInt());
        assertEquals(wins, kpis.get("wins").asLong());
        assertEquals(losses, kpis.get("losses").asLong());
        assertDecimal(grossProfit.add(grossLoss), kpis, "netProfit");
        assertDecimal(grossProfit, kpis, "grossProfit");
        assertDecimal(grossLoss, kpis, "grossLoss");
        assertDecimal(fees, kpis, "fees");
        assertDecimal(grossProfit.divide(grossLoss.negate(), 4, RoundingMode.HALF_EVEN), kpis, "profitFactor");
        assertDecimal(grossProfit.add(grossLoss).divide(BigDecimal.valueOf(pnl.size()), 8, RoundingMode.HALF_EVEN),
                kpis, "expectancy");
        assertDecimal(pnl.stream().max(BigDecimal::compareTo).orElseThrow(), kpis, "best");
        assertDecimal(pnl.stream().min(BigDecimal::compareTo).orElseThrow(), kpis, "worst");
        assertDecimal(drawdown, kpis, "maxDrawdown");

        // bot report --run prints the same KPIs again, from the stored run
        CliRun again = cli("report", "--run", Long.toString(id), "--format", "json");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(result, JSON.readTree(again.out()));
        // and the daemon's journal never sees the run
        CliRun journal = cli("report", "--format", "json");
        assertEquals(0, journal.exitCode(), journal.err());
        assertEquals(0, JSON.readTree(journal.out()).get("strategies").size());
        CliRun journalOrders = cli("orders", "--format", "json");
        assertEquals("[ ]", journalOrders.out().strip());
    }

    @Test
    void aStoredStrategysLimitsTripInTheBacktestAndNoEntryFollows() throws Exception {
        long account = new AccountRepository(db.jdbi()).insert(new NewAccount("bt-limits", "none", null, null, null,
                false));
        new StrategyRepository(db.jdbi()).insert(new NewStrategy("fil-limited", account, "mean_reversion", "FILUSDT",
                Interval.parse("1m"), Mode.PAPER, Map.of("order_value", "100", "window", "30", "threshold", "0.01",
                "stop_loss", "0.02", "slippage", "0.0005"), false));
        new RiskSetup(db.jdbi(), Clock.systemUTC()).set("fil-limited", null, List.of("max_drawdown=3USDT"));

        CliRun run = cli("backtest", "--strategy", "fil-limited", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(1, result.get("trips").size(), result.toString());
        String trip = result.get("trips").get(0).asText();
        assertTrue(trip.startsWith("max_drawdown tripped at "), trip);
        long trippedAt = Instant.parse(trip.substring("max_drawdown tripped at ".length(), trip.indexOf(' ',
                "max_drawdown tripped at ".length()))).toEpochMilli();

        List<Order> unlimited = reference();
        assertTrue(unlimited.stream().anyMatch(o -> o.side().equals("BUY") && o.candle() > trippedAt),
                "without the limit the strategy enters again after the trip");
        CliRun listed = cli("orders", "--run", result.get("run").asText(), "--format", "json");
        assertEquals(0, listed.exitCode(), listed.err());
        List<Order> actual = new ArrayList<>();
        for (JsonNode o : JSON.readTree(listed.out())) {
            actual.add(Order.of(o.get("candleOpenTime").asLong(), o.get("side").asText(), dec(o, "qty"),
                    dec(o, "price"), dec(o, "fee")));
        }
        assertFalse(actual.stream().anyMatch(o -> o.side().equals("BUY") && o.candle() > trippedAt),
                "no entry after the trip: " + actual);
        List<Order> before = unlimited.stream().filter(o -> o.candle() <= trippedAt).toList();
        assertEquals(before, actual.subList(0, before.size()), "the same orders as the rules until the trip");
    }

    @Test
    void fromWarmsUpOnEarlierCandlesAndToBoundsTheRange() throws Exception {
        CliRun run = cli("backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT", "--interval", "1m",
                "--config", CONFIG, "--from", "2023-02-10", "--to", "2023-02-10", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(1440, result.get("candles").asLong());
        assertEquals("2023-02-10T00:00:00Z", result.get("from").asText());
        assertEquals("2023-02-10T23:59:00Z", result.get("to").asText());
        CliRun listed = cli("orders", "--run", result.get("run").asText(), "--format", "json");
        List<Long> signalCandles = new ArrayList<>();
        JSON.readTree(listed.out()).forEach(o -> signalCandles.add(o.get("candleOpenTime").asLong()));
        long day = 1675987200000L; // 2023-02-10
        // the reference's orders that day, once it is flat at midnight, are the run's
        assertFalse(signalCandles.isEmpty());
        assertTrue(signalCandles.stream().allMatch(t -> t >= day && t < day + 86_400_000L), signalCandles.toString());
    }

    @Test
    void ordersTheFiltersRefuseAreCountedNotHidden() throws Exception {
        String tiny = CONFIG.replace("\"order_value\": 100", "\"order_value\": \"0.5\"");
        CliRun run = cli("backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT", "--interval", "1m",
                "--config", tiny, "--from", "2023-02-10", "--to", "2023-02-10", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(0, result.get("total").get("trades").asLong(), run.out());
        JsonNode refused = result.get("refused");
        assertTrue(refused.size() > 0 && refused.fields().next().getValue().asLong() > 0, run.out());
        CliRun table = cli("backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT", "--interval", "1m",
                "--config", tiny, "--from", "2023-02-10", "--to", "2023-02-10");
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("refused: " + refused.fieldNames().next() + " ")),
                table.out());
    }

    @Test
    void aSweepRanksEveryCombinationAsSingleRunsWouldAndStoresOnlyWithKeep() throws Exception {
        long before = runs();
        CliRun sweep = cli("backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT", "--interval", "1m",
                "--config", CONFIG, "--from", "2023-02-20", "--sweep", "window=20,40",
                "--sweep", "threshold=0.005..0.01:0.005", "--format", "json");
        assertEquals(0, sweep.exitCode(), sweep.err());
        assertEquals(before, runs(), "a sweep without --keep stores nothing");
        JsonNode ranked = JSON.readTree(sweep.out());
        assertEquals(4, ranked.size());
        BigDecimal previous = null;
        for (JsonNode row : ranked) {
            BigDecimal net = new BigDecimal(row.get("netProfit").asText());
            assertTrue(row.get("rank").isNumber() && row.get("trades").isNumber() && row.get("netProfit").isTextual(),
                    "counts as numbers, decimals as exact strings, as the report's JSON: " + row);
            assertTrue(previous == null || previous.compareTo(net) >= 0, "best first: " + ranked);
            previous = net;
            // each combination's KPIs are those of a single backtest with its values
            CliRun single = cli("backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT", "--interval", "1m",
                    "--config", "{\"order_value\": 100, \"stop_loss\": \"0.02\", \"slippage\": \"0.0005\","
                            + " \"window\": " + row.get("window").asText() + ", \"threshold\": \""
                            + row.get("threshold").asText() + "\"}", "--from", "2023-02-20", "--format", "json");
            JsonNode total = JSON.readTree(single.out()).get("total");
            assertEquals(0, net.compareTo(new BigDecimal(total.get("netProfit").asText())), row.toString());
            assertEquals(total.get("trades").asText(), row.get("trades").asText());
        }
        long singles = runs();
        CliRun kept = cli("backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT", "--interval", "1m",
                "--config", CONFIG, "--from", "2023-02-20", "--sweep", "window=20,40", "--keep", "--top", "1");
        assertEquals(0, kept.exitCode(), kept.err());
        assertEquals(singles + 2, runs(), "--keep stores every combination");
        assertEquals(3, kept.out().lines().count(), kept.out()); // the summary, the header, the best one
    }

    @Test
    void badInputIsRefusedWithOneLineAndNothingWritten() {
        assertRefused("--kind: ", "backtest", "--kind", "nope", "--symbol", "FILUSDT", "--interval", "1m",
                "--config", CONFIG);
        assertRefused("--strategy: no strategy named 'ghost'", "backtest", "--strategy", "ghost");
        assertRefused("no FILUSDT 1m candles stored", "backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT",
                "--interval", "1m", "--config", CONFIG, "--from", "2024-01-01");
        assertRefused("--config: ", "backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT", "--interval", "1m",
                "--config", "{\"order_value\": 100, \"window\": 1}");
        assertRefused("--config: not valid JSON", "backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT",
                "--interval", "1m", "--config", "{order_value");
        assertRefused("--interval: ", "backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT", "--interval", "7m",
                "--config", CONFIG);
        assertRefused("no exchange filters stored for NEARUSDT on production and Binance is unreachable",
                "backtest", "--kind", "mean_reversion", "--symbol", "NEARUSDT", "--interval", "1m", "--config", CONFIG);
        assertRefused("--sweep: window: no values", "backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT",
                "--interval", "1m", "--config", CONFIG, "--sweep", "window=");
        assertRefused("--sweep: parameter window: 1 is out of range", "backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT",
                "--interval", "1m", "--config", CONFIG, "--sweep", "window=10,1", "--keep");
        assertRefused("--rank: unknown KPI", "backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT",
                "--interval", "1m", "--config", CONFIG, "--sweep", "window=10", "--rank", "luck");
        assertRefused("--rank: only with --sweep", "backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT",
                "--interval", "1m", "--config", CONFIG, "--rank", "sharpe");
        assertRefused("--top: only with --sweep", "backtest", "--kind", "mean_reversion", "--symbol", "FILUSDT",
                "--interval", "1m", "--config", CONFIG, "--top", "3");
        assertRefused("--to: 2023-02-01 is not after --from 2023-02-20", "backtest", "--kind", "mean_reversion",
                "--symbol", "FILUSDT", "--interval", "1m", "--config", CONFIG, "--from", "2023-02-20", "--to",
                "2023-02-01");
        assertRefused("--run: no backtest run 999", "report", "--run", "999");
        assertRefused("--run: no backtest run 999", "orders", "--run", "999");
    }

    private void assertRefused(String reason, String... args) {
        long runs = runs();
        // NEARUSDT has candles but no filters: only the missing filters can refuse it
        if (List.of(args).contains("NEARUSDT")) {
            new bot.store.CandleRepository(db.jdbi()).save(bot.domain.Network.PRODUCTION,
                    candles.subList(0, 100).stream().map(c -> new Candle("NEARUSDT", c.interval(), c.openTime(),
                            c.closeTime(), c.open(), c.high(), c.low(), c.close(), c.volume(), c.quoteVolume(),
                            c.trades(), true)).toList());
        }
        CliRun run = cli(args);
        assertEquals(2, run.exitCode(), run.err() + run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(reason), run.err());
        assertEquals(runs, runs(), "nothing written");
    }

    private static long runs() {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from backtest_runs").mapTo(Long.class).one());
    }

    private static long stops(List<Order> orders) {
        long n = 0;
        for (int i = 1; i < orders.size(); i++) {
            if (orders.get(i).side().equals("SELL") && orders.get(i).price().compareTo(orders.get(i - 1).price()) < 0) {
                n++;
            }
        }
        return n;
    }

    private static BigDecimal dec(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }

    private static void assertDecimal(BigDecimal expected, JsonNode row, String field) {
        assertEquals(0, expected.compareTo(new BigDecimal(row.get(field).asText())),
                field + ": expected " + expected.toPlainString() + ", got " + row.get(field));
    }

    private CliRun cli(String... args) {
        String url = ((HikariDataSource) db.dataSource()).getJdbcUrl();
        String external = System.getenv("BOT_DB_URL");
        boolean embedded = external == null || external.isEmpty();
        Map<String, String> env = new HashMap<>(Map.of("BOT_DB_URL", url,
                "BOT_DB_USER", embedded ? "postgres" : System.getenv().getOrDefault("BOT_DB_USER", ""),
                "BOT_DB_PASSWORD", embedded ? "" : System.getenv().getOrDefault("BOT_DB_PASSWORD", ""),
                "BOT_BINANCE_REST_URL", "http://127.0.0.1:9"));
        return CliRun.run(home, env, null, args);
    }
}
