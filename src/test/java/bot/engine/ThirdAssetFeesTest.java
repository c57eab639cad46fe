package bot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import bot.app.JournalReporter;
import bot.domain.ExecutionReport;
import bot.domain.Interval;
import bot.domain.Mode;
import bot.domain.OrderRequest;
import bot.domain.OrderStatus;
import bot.domain.OrderType;
import bot.domain.Side;
import bot.domain.SymbolRules;
import bot.execution.binance.BinanceGateway;
import bot.report.Kpis;
import bot.report.Report;
import bot.store.Database;
import bot.store.JdbiJournal;
import bot.store.JournalFilter;
import bot.testing.FakeBinanceExchange;
import bot.testing.FakeFault;
import bot.testing.LiveGatewayKit;
import bot.testing.Rules;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Commissions paid in BNB, from the fake exchange through the live gateway, the position keeping
 * and the journal to the report. Worked by hand, BTCUSDT at a 0.1% commission rate paid in BNB:
 *
 * <pre>
 * BUY  0.01 BTC at 40000 = 400     USDT, BNB at 600: 400 x 0.001 / 600 = 0.00066667 BNB = 0.400002 USDT
 * SELL 0.01 BTC at 40030 = 400.3   USDT, BNB at 500: 400.3 x 0.001 / 500 = 0.0008006 BNB = 0.4003 USDT
 * gross 400.3 - 400 = 0.3; fees 0.400002 + 0.4003 = 0.800302; net 0.3 - 0.800302 = -0.500302: a loss
 * </pre>
 */
class ThirdAssetFeesTest {
    private static final SymbolRules BTCUSDT = Rules.fromExchangeInfo("BTCUSDT");
    private static final BigDecimal QTY = new BigDecimal("0.01");

    private final LiveGatewayKit kit = new LiveGatewayKit();
    private final FakeBinanceExchange exchange = kit.exchange;
    private final Database db = TestDatabase.fresh();
    private final JdbiJournal journal = new JdbiJournal(db.jdbi());
    private final AtomicLong candles = new AtomicLong();

    @AfterEach
    void close() {
        db.close();
        kit.close();
    }

    @Test
    void aRoundTripWhoseGainIsSmallerThanItsBnbFeesIsALossOfExactlyTheValuedFees() {
        StrategyIdentity alpha = strategy("alpha");
        BinanceGateway gateway = account("main");

        Holding open = trade(alpha, gateway, Side.BUY, "40000", "600", Holding.flat("BTCUSDT"));
        assertEquals(0, QTY.compareTo(open.position().quantity()), "a BNB commission leaves the bought quantity whole");
        assertEquals(0, QTY.compareTo(exchange.balance(LiveGatewayKit.apiKey("main"), "BTC")));
        assertEquals(0, new BigDecimal("0.400002").compareTo(open.entryQuoteFee()));
        // as a restart finds it: the journal's position, and the one its fills rebuild (BNB's price stored with them)
        assertEquals(0, new BigDecimal("0.400002").compareTo(journal.holding(alpha.id(), "BTCUSDT").entryQuoteFee()));
        Holding rebuilt = PositionRebuild.from("BTCUSDT", journal.executions(alpha.id()), BTCUSDT);
        assertEquals(0, new BigDecimal("0.400002").compareTo(rebuilt.entryQuoteFee()));
        assertEquals(0, new BigDecimal("0.400002").compareTo(rebuilt.entryFeeQuote()));
        Holding flat = trade(alpha, gateway, Side.SELL, "40030", "500", open);
        assertEquals(true, flat.isFlat());

        Kpis row = row(new JournalReporter(db.jdbi()).report(JournalFilter.ALL), "alpha");
        assertEquals(1, row.trades());
        assertEquals(1, row.losses());
        assertEquals(new BigDecimal("-0.500302"), row.netProfit().stripTrailingZeros());
        assertEquals(new BigDecimal("0.800302"), row.fees().stripTrailingZeros());
        assertEquals(Map.of(), row.otherFees());
        assertEquals(Map.of(), row.netProfitExcludes());
        BigDecimal grossPnl = db.jdbi().withHandle(h -> h.createQuery("select gross_pnl from round_trips")
                .mapTo(BigDecimal.class).one());
        assertEquals(0, new BigDecimal("0.3").compareTo(grossPnl));
    }

    @Test
    void aCommissionWhosePriceCannotBeHadIsStoredUnvaluedAndTheReportSaysWhatLeavesItOut() {
        StrategyIdentity beta = strategy("beta");
        BinanceGateway gateway = account("main");
        Holding open = trade(beta, gateway, Side.BUY, "40000", "600", Holding.flat("BTCUSDT"));
        // Binance fails every price request of the exit (the first and its four retries)
        exchange.injectOnNext("GET", "/api/v3/klines", FakeFault.SERVER_ERROR_BEFORE_EXECUTION,
                FakeFault.SERVER_ERROR_BEFORE_EXECUTION, FakeFault.SERVER_ERROR_BEFORE_EXECUTION,
                FakeFault.SERVER_ERROR_BEFORE_EXECUTION, FakeFault.SERVER_ERROR_BEFORE_EXECUTION);
        trade(beta, gateway, Side.SELL, "40030", "500", open);
        BigDecimal stored = db.jdbi().withHandle(h -> h.createQuery(
                "select f.commission_price from fills f join orders o on o.id = f.order_id where o.side = 'SELL'")
                .mapTo(BigDecimal.class).one());
        assertNull(stored, "no price: stored without one");
        // the entry's BNB price fails too, and stays an open position
        exchange.injectOnNext("GET", "/api/v3/klines", FakeFault.SERVER_ERROR_BEFORE_EXECUTION,
                FakeFault.SERVER_ERROR_BEFORE_EXECUTION, FakeFault.SERVER_ERROR_BEFORE_EXECUTION,
                FakeFault.SERVER_ERROR_BEFORE_EXECUTION, FakeFault.SERVER_ERROR_BEFORE_EXECUTION);
        Holding again = trade(beta, gateway, Side.BUY, "40000", "600", Holding.flat("BTCUSDT"));
        assertEquals(Map.of("BNB", new BigDecimal("0.00066667")), again.entryUnvaluedFees());
        assertEquals(again.entryUnvaluedFees(), journal.holding(beta.id(), "BTCUSDT").entryUnvaluedFees());

        Kpis row = row(new JournalReporter(db.jdbi()).report(JournalFilter.ALL), "beta");
        // net 400.3 - 400 - 0.400002 (the entry's BNB, valued); the exit's 0.0008006 BNB has no price
        assertEquals(new BigDecimal("-0.100002"), row.netProfit().stripTrailingZeros());
        assertEquals(Map.of("BNB", new BigDecimal("0.0008006")), strip(row.netProfitExcludes()));
        // fees: the first entry's valued; the exit's and the second entry's in BNB
        assertEquals(new BigDecimal("0.400002"), row.fees().stripTrailingZeros());
        assertEquals(Map.of("BNB", new BigDecimal("0.00146727")), strip(row.otherFees()));
        assertEquals(Map.of("BNB", new BigDecimal("0.00066667")), strip(row.unrealizedPnlExcludes()));
        assertEquals(Map.of("BNB", new BigDecimal("0.00066667")), strip(row.openPosition().unvaluedEntryFees()));
    }

    private static Map<String, BigDecimal> strip(Map<String, BigDecimal> amounts) {
        return Map.copyOf(amounts.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stripTrailingZeros())));
    }

    /** One MARKET order at {@code price} with BNB at {@code bnbPrice}, settled and journaled; the holding after it. */
    private Holding trade(StrategyIdentity strategy, BinanceGateway gateway, Side side, String price, String bnbPrice,
            Holding before) {
        exchange.setPrice("BTCUSDT", price);
        exchange.setPrice("BNBUSDT", bnbPrice);
        long candle = candles.incrementAndGet() * 60_000;
        OrderRequest request = new OrderRequest(strategy.name() + "-" + candle, "BTCUSDT", side, OrderType.MARKET,
                side == Side.BUY ? QTY : before.position().quantity(), new BigDecimal(price), candle);
        long orderId = journal.open(strategy, request, 1).orElseThrow();
        ExecutionReport report = gateway.submit(request);
        assertEquals(OrderStatus.FILLED, report.status(), report.reason());
        assertEquals("BNB", report.fills().get(0).commissionAsset());
        Settlement settlement = PositionKeeper.settle(orderId, side, report, before, BTCUSDT);
        journal.record(settlement);
        kit.clock.advance(Duration.ofMinutes(1));
        return settlement.holding();
    }

    private BinanceGateway account(String name) {
        BinanceGateway gateway = kit.hmacAccount(name);
        exchange.deposit(LiveGatewayKit.apiKey(name), "USDT", "10000");
        exchange.deposit(LiveGatewayKit.apiKey(name), "BNB", "1");
        exchange.payCommissionsIn("BNB");
        return gateway;
    }

    private StrategyIdentity strategy(String name) {
        long id = db.jdbi().withHandle(h -> {
            long account = h.createUpdate("insert into accounts (name, key_type) values (:name, 'none')")
                    .bind("name", "acc-" + name).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createUpdate("""
                    insert into strategies (name, account_id, kind, symbol, interval, mode, params)
                    values (:name, :account, 'mean_reversion', 'BTCUSDT', '1m', 'live', '{"order_value": "400"}')""")
                    .bind("name", name).bind("account", account).executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class).one();
        });
        return new StrategyIdentity(id, name, Mode.LIVE, "BTCUSDT", Interval.M1);
    }

    private static Kpis row(Report report, String strategy) {
        return report.strategies().stream().filter(k -> strategy.equals(k.strategy())).findFirst().orElseThrow();
    }
}
