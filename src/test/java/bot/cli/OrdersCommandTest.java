package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Interval;
import bot.domain.Mode;
import bot.domain.OrderRequest;
import bot.domain.OrderType;
import bot.domain.Side;
import bot.engine.Settlement;
import bot.engine.StrategyIdentity;
import bot.execution.PaperGateway;
import bot.store.Database;
import bot.store.JdbiJournal;
import bot.testing.CliRun;
import bot.testing.Rows;
import bot.testing.Rules;
import bot.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrdersCommandTest {
    private static final Instant FILL_TIME = Instant.parse("2021-10-22T23:10:00Z");
    private static Map<String, String> env;

    @TempDir
    Path home;

    /** Two BTCUSDT paper orders journaled as the engine does: a filled BUY, then a rejected one; one ETHUSDT order. */
    @BeforeAll
    static void journal() {
        String url = TestDatabase.freshUrl();
        env = Map.of("BOT_DB_URL", url, "BOT_DB_USER", "postgres");
        try (Database db = Database.connect(url, "postgres", "", null)) {
            JdbiJournal journal = new JdbiJournal(db.jdbi());
            PaperGateway paper = new PaperGateway(Rules.source(Rules.fromExchangeInfo("BTCUSDT"),
                    Rules.fromExchangeInfo("ETHUSDT")), new BigDecimal("0.001"), BigDecimal.ZERO,
                    Clock.fixed(FILL_TIME, ZoneOffset.UTC));
            long btc = Rows.strategy(db.jdbi(), "btc-mr", "mean_reversion", "BTCUSDT", "paper", "{\"order_value\": 100}");
            long eth = Rows.strategy(db.jdbi(), "eth-mr", "mean_reversion", "ETHUSDT", "paper", "{\"order_value\": 100}");
            place(journal, paper, new StrategyIdentity(btc, "btc-mr", Mode.PAPER, "BTCUSDT", Interval.M1), "b1-a-1", "0.00163",
                    "61234.56", 1_634_943_780_000L);
            place(journal, paper, new StrategyIdentity(btc, "btc-mr", Mode.PAPER, "BTCUSDT", Interval.M1), "b1-a-2", "0.0001",
                    "61234.56", 1_634_943_840_000L);
            place(journal, paper, new StrategyIdentity(eth, "eth-mr", Mode.PAPER, "ETHUSDT", Interval.M1), "b2-a-3", "0.025",
                    "4000", 1_634_943_840_000L);
        }
    }

    private static void place(JdbiJournal journal, PaperGateway paper, StrategyIdentity s, String id, String qty,
                              String close, long candle) {
        OrderRequest request = new OrderRequest(id, s.symbol(), Side.BUY, OrderType.MARKET, new BigDecimal(qty),
                new BigDecimal(close), candle);
        long orderId = journal.open(s, request, 1).orElseThrow();
        journal.record(Settlement.statusOnly(orderId, paper.submit(request)));
    }

    /** CliRun's two overloads are ambiguous with plain string arguments: pass the array. */
    private CliRun orders(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "orders";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(home, env, null, all);
    }

    @Test
    void jsonHasInterfaceFieldsWithDecimalsAsStoredOldestFirst() throws Exception {
        CliRun run = orders("--strategy", "btc-mr", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode orders = new ObjectMapper().readTree(run.out());
        assertEquals(2, orders.size());
        JsonNode filled = orders.get(0);
        List<String> names = new ArrayList<>();
        filled.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("strategy", "mode", "symbol", "side", "type", "status", "clientOrderId", "qty", "price",
                "fee", "feeAsset", "candleOpenTime", "time"), names);
        assertEquals("btc-mr", filled.get("strategy").textValue());
        assertEquals("paper", filled.get("mode").textValue());
        assertEquals("BUY", filled.get("side").textValue());
        assertEquals("MARKET", filled.get("type").textValue());
        assertEquals("FILLED", filled.get("status").textValue());
        assertEquals("b1-a-1", filled.get("clientOrderId").textValue());
        assertEquals("0.00163", filled.get("qty").textValue());
        assertEquals("61234.56", filled.get("price").textValue());
        assertEquals("0.0998123328", filled.get("fee").textValue()); // 61234.56 x 0.00163 x 0.001
        assertEquals("USDT", filled.get("feeAsset").textValue());
        assertEquals(1_634_943_780_000L, filled.get("candleOpenTime").longValue());
        assertEquals(FILL_TIME.toString(), filled.get("time").textValue());
        JsonNode rejected = orders.get(1);
        assertEquals("REJECTED", rejected.get("status").textValue());
        assertEquals("0", rejected.get("qty").textValue());
        assertTrue(rejected.get("price").isNull());
    }

    @Test
    void csvHasTheSameColumnsAndTableIsReadable() {
        CliRun csv = orders("--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        String[] lines = csv.out().strip().split("\n");
        assertEquals("strategy,mode,symbol,side,type,status,clientOrderId,qty,price,fee,feeAsset,candleOpenTime,time", lines[0]);
        assertEquals(4, lines.length);
        assertTrue(lines[1].startsWith("btc-mr,paper,BTCUSDT,BUY,MARKET,FILLED,b1-a-1,0.00163,61234.56,"), lines[1]);
        assertTrue(lines[3].startsWith("eth-mr,"), lines[3]);

        CliRun table = orders();
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().startsWith("TIME"), table.out());
        assertTrue(table.out().contains("b2-a-3"));
    }

    @Test
    void sinceTakesAnInstantOrADate() {
        assertEquals("[ ]", orders("--since", "2999-01-01", "--format", "json").out().strip());
        assertEquals(3, orders("--since", "2020-01-01T00:00:00Z", "--format", "csv")
                .out().strip().split("\n").length - 1);
    }

    @Test
    void badValuesExitTwoNamingTheOption() {
        CliRun since = orders("--since", "yesterday");
        assertEquals(2, since.exitCode());
        assertTrue(since.err().contains("--since"), since.err());
        CliRun format = orders("--format", "xml");
        assertEquals(2, format.exitCode());
        assertTrue(format.err().contains("--format"), format.err());
        CliRun strategy = orders("--strategy", "nope");
        assertEquals(2, strategy.exitCode());
        assertTrue(strategy.err().contains("--strategy"), strategy.err());
    }
}
