package bot.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.ExecutionReport;
import bot.domain.Fill;
import bot.domain.OrderRequest;
import bot.domain.OrderStatus;
import bot.domain.OrderType;
import bot.domain.Side;
import bot.testing.FakeBinanceExchange;
import bot.testing.FakeOrder;
import bot.testing.FakeTrade;
import bot.testing.LiveGatewayKit;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live gateway against the fake exchange: orders, fills, commissions, balances, rejections. */
class BinanceGatewayTest {
    private final LiveGatewayKit kit = new LiveGatewayKit();
    private final FakeBinanceExchange exchange = kit.exchange;

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void buysAndSellsExecuteWithNoRejectedRequestAndBalancesMatch() {
        BinanceGateway gateway = kit.ed25519Account("main");
        String key = LiveGatewayKit.apiKey("main");
        exchange.deposit(key, "USDT", "10000");
        BigDecimal usdt = new BigDecimal("10000");
        BigDecimal btc = BigDecimal.ZERO;
        String[] prices = {"61234.56", "61300.01", "60999.99", "62000.00", "61500.50", "61800.00"};
        for (int i = 0; i < prices.length; i++) {
            exchange.setPrice("BTCUSDT", prices[i]);
            boolean buy = i % 2 == 0;
            BigDecimal qty = buy ? new BigDecimal("0.01234") : floorToStep(btc);
            ExecutionReport report = gateway.submit(order("o" + i, buy ? Side.BUY : Side.SELL, qty));
            assertEquals(OrderStatus.FILLED, report.status(), report.reason());
            assertEquals(0, qty.compareTo(report.executedQty()));
            assertEquals(0, new BigDecimal(prices[i]).compareTo(report.averagePrice()));
            for (Fill fill : report.fills()) {
                BigDecimal quote = fill.price().multiply(fill.qty());
                if (buy) {
                    assertEquals("BTC", fill.commissionAsset());
                    btc = btc.add(fill.qty()).subtract(fill.commission());
                    usdt = usdt.subtract(quote);
                } else {
                    assertEquals("USDT", fill.commissionAsset());
                    btc = btc.subtract(fill.qty());
                    usdt = usdt.add(quote).subtract(fill.commission());
                }
            }
            kit.clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(0, btc.compareTo(exchange.balance(key, "BTC")), "BTC " + btc + " vs " + exchange.balance(key, "BTC"));
        assertEquals(0, usdt.compareTo(exchange.balance(key, "USDT")), "USDT " + usdt + " vs " + exchange.balance(key, "USDT"));
        assertTrue(btc.signum() > 0, "the base commission leaves dust");
        assertEquals(List.of(), exchange.calls().stream().filter(c -> c.status() != 200).toList());
        assertEquals(prices.length, exchange.orders().size());
    }

    @Test
    void aBuysBaseCommissionIsInItsFillsSoTheNetQuantityIsWhatArrived() {
        BinanceGateway gateway = kit.hmacAccount("hmac");
        String key = LiveGatewayKit.apiKey("hmac");
        exchange.deposit(key, "USDT", "1000");
        exchange.setPrice("BTCUSDT", "40000");
        exchange.setFillsPerOrder(3);
        List<String> executed = new java.util.ArrayList<>();
        exchange.onOrderExecuted(o -> executed.add(o.clientOrderId()));
        ExecutionReport report = gateway.submit(order("buy-1", Side.BUY, new BigDecimal("0.003")));
        assertEquals(List.of("buy-1"), executed);

        assertEquals(OrderStatus.FILLED, report.status());
        assertEquals(3, report.fills().size());
        BigDecimal net = BigDecimal.ZERO;
        for (Fill fill : report.fills()) {
            assertEquals("BTC", fill.commissionAsset());
            net = net.add(fill.qty()).subtract(fill.commission());
        }
        assertEquals(new BigDecimal("0.00299700"), net);
        assertEquals(0, net.compareTo(exchange.balance(key, "BTC")));
        assertEquals(new BigDecimal("120.00000000"), report.quoteQty());
        FakeOrder onExchange = exchange.orders().get(0);
        assertEquals(onExchange.trades().stream().map(t -> Long.toString(t.id())).toList(),
                report.fills().stream().map(Fill::tradeId).toList());
        assertEquals(Long.toString(onExchange.orderId()), report.exchangeOrderId());
    }

    @Test
    void rejectedOrdersCarryTheExchangesMessage() {
        BinanceGateway gateway = kit.ed25519Account("poor");
        exchange.deposit(LiveGatewayKit.apiKey("poor"), "USDT", "50");
        exchange.setPrice("BTCUSDT", "50000");
        assertRejected(gateway.submit(order("r1", Side.BUY, new BigDecimal("0.01"))),
                "Account has insufficient balance for requested action.");
        assertRejected(gateway.submit(order("r2", Side.BUY, new BigDecimal("0.000015"))), "Filter failure: LOT_SIZE");
        assertRejected(gateway.submit(order("r3", Side.BUY, new BigDecimal("0.0001"))), "Filter failure: MIN_NOTIONAL");
        assertRejected(gateway.submit(order("r4", Side.BUY, new BigDecimal("0.000000001"))),
                "Parameter 'quantity' has too much precision.");
        assertRejected(gateway.submit(new OrderRequest("r5", "NOPEUSDT", Side.BUY, OrderType.MARKET,
                BigDecimal.ONE, BigDecimal.ONE, 0)), "Invalid symbol.");
        assertEquals(List.of(), exchange.orders());
        // a rejection is final: the exchange knows nothing of it
        assertEquals(Optional.empty(), gateway.lookup("BTCUSDT", "r1"));
    }

    @Test
    void aWrongKeyIsRejectedAsAnInvalidSignature() {
        exchange.addHmacAccount("key-x", "the-real-secret");
        BinanceGateway gateway = kit.factory.gateway("x", exchange.baseUrl(), "key-x", "hmac", "another".getBytes());
        exchange.setPrice("BTCUSDT", "50000");
        assertRejected(gateway.submit(order("w1", Side.BUY, new BigDecimal("0.001"))),
                "Signature for this request is not valid.");
        exchange.addEd25519Account("key-y", LiveGatewayKit.ed25519KeyPair().getPublic());
        BinanceGateway other = kit.factory.gateway("y", exchange.baseUrl(), "key-y", "ed25519",
                LiveGatewayKit.pem(LiveGatewayKit.ed25519KeyPair()));
        assertRejected(other.submit(order("w2", Side.BUY, new BigDecimal("0.001"))),
                "Signature for this request is not valid.");
        assertEquals(List.of(), exchange.orders());
    }

    @Test
    void lookupOfAnExecutedOrderGivesItsFillsAndCommissions() {
        BinanceGateway gateway = kit.ed25519Account("look");
        exchange.deposit(LiveGatewayKit.apiKey("look"), "USDT", "1000");
        exchange.setPrice("ETHUSDT", "3000.5");
        exchange.setFillsPerOrder(2);
        ExecutionReport placed = gateway.submit(new OrderRequest("eth-1", "ETHUSDT", Side.BUY, OrderType.MARKET,
                new BigDecimal("0.1"), new BigDecimal("3000.5"), 0));
        ExecutionReport found = gateway.lookup("ETHUSDT", "eth-1").orElseThrow();
        assertEquals(placed.status(), found.status());
        assertEquals(placed.exchangeOrderId(), found.exchangeOrderId());
        assertEquals(placed.executedQty(), found.executedQty());
        assertEquals(placed.quoteQty(), found.quoteQty());
        assertEquals(placed.fills().stream().map(f -> List.of(f.tradeId(), f.price(), f.qty(), f.commission(),
                f.commissionAsset())).toList(), found.fills().stream().map(f -> List.of(f.tradeId(), f.price(), f.qty(),
                f.commission(), f.commissionAsset())).toList());
        FakeTrade first = exchange.orders().get(0).trades().get(0);
        assertEquals(first.time(), found.fills().get(0).time().toEpochMilli());
    }

    private static void assertRejected(ExecutionReport report, String message) {
        assertEquals(OrderStatus.REJECTED, report.status(), report.reason());
        assertEquals(message, report.reason());
        assertEquals(0, report.executedQty().signum());
        assertNull(report.exchangeOrderId());
    }

    static OrderRequest order(String id, Side side, BigDecimal qty) {
        return new OrderRequest(id, "BTCUSDT", side, OrderType.MARKET, qty, BigDecimal.ONE, 0);
    }

    static BigDecimal floorToStep(BigDecimal qty) {
        return bot.domain.Money.floorToStep(qty, new BigDecimal("0.00001"));
    }
}
