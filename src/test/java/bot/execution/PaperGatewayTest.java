package bot.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.ExecutionReport;
import bot.domain.Fill;
import bot.domain.OrderRequest;
import bot.domain.OrderStatus;
import bot.domain.OrderType;
import bot.domain.Side;
import bot.testing.Rules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PaperGatewayTest {
    private static final Instant NOW = Instant.parse("2021-10-22T23:10:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static PaperGateway gateway(String slippage) {
        return new PaperGateway(Rules.source(Rules.fromExchangeInfo("BTCUSDT")), new BigDecimal("0.001"),
                new BigDecimal(slippage), CLOCK);
    }

    private static OrderRequest order(String id, Side side, String qty, String close) {
        return new OrderRequest(id, "BTCUSDT", side, OrderType.MARKET, new BigDecimal(qty), new BigDecimal(close), 0L);
    }

    @Test
    void fillsAtTheCloseWithTheFeeInTheQuoteAsset() {
        ExecutionReport r = gateway("0").submit(order("b1-x-1", Side.BUY, "0.00163", "61234.56"));
        assertEquals(OrderStatus.FILLED, r.status());
        Fill fill = r.fills().get(0);
        assertEquals(new BigDecimal("61234.56"), fill.price());
        assertEquals(new BigDecimal("0.00163"), fill.qty());
        assertEquals(0, new BigDecimal("0.0998123328").compareTo(fill.commission())); // 61234.56 x 0.00163 x 0.001
        assertEquals("USDT", fill.commissionAsset());
        assertEquals(NOW, fill.time());
        assertEquals("paper-b1-x-1", fill.tradeId());
        assertEquals(0, new BigDecimal("99.8123328").compareTo(r.quoteQty()));
    }

    @Test
    void slippageMovesThePriceAgainstTheOrderAndTheTickRoundsAgainstTheTrader() {
        // BUY: 100.005 x 1.001 = 100.105005, up to the 0.01 tick: 100.11
        assertEquals(new BigDecimal("100.11"),
                gateway("0.001").submit(order("a", Side.BUY, "0.2", "100.005")).fills().get(0).price());
        // SELL: 100.005 x 0.999 = 99.904995, down to the tick: 99.9
        assertEquals(new BigDecimal("99.9"),
                gateway("0.001").submit(order("b", Side.SELL, "0.2", "100.005")).fills().get(0).price());
    }

    @Test
    void filterBreachesAreRejectedAsTheExchangeWould() {
        ExecutionReport r = gateway("0").submit(order("c", Side.BUY, "0.0001", "60000")); // 6 USDT < 10
        assertEquals(OrderStatus.REJECTED, r.status());
        assertEquals("Filter failure: NOTIONAL", r.reason());
        assertTrue(r.fills().isEmpty());
        assertEquals("Filter failure: LOT_SIZE",
                gateway("0").submit(order("d", Side.BUY, "0.000015", "6000000")).reason()); // not on the step
        assertEquals("Invalid symbol.", new PaperGateway(Rules.source(), BigDecimal.ZERO, BigDecimal.ZERO, CLOCK)
                .submit(order("e", Side.BUY, "1", "1")).reason());
    }

    @Test
    void lookupAnswersFromWhatItFilled() {
        PaperGateway g = gateway("0");
        ExecutionReport r = g.submit(order("f", Side.BUY, "0.001", "60000"));
        assertEquals(r, g.lookup("BTCUSDT", "f").orElseThrow());
        assertTrue(g.lookup("BTCUSDT", "never-sent").isEmpty());
    }

    @Test
    void onlyRecentOrdersAreRememberedForLookups() {
        PaperGateway paper = gateway("0");
        for (int i = 0; i <= PaperGateway.REMEMBERED; i++) {
            paper.submit(order("id-" + i, Side.BUY, "0.001", "60000"));
        }
        org.junit.jupiter.api.Assertions.assertTrue(paper.lookup("BTCUSDT", "id-0").isEmpty(), "the oldest is forgotten");
        org.junit.jupiter.api.Assertions.assertTrue(paper.lookup("BTCUSDT", "id-" + PaperGateway.REMEMBERED).isPresent());
        org.junit.jupiter.api.Assertions.assertTrue(paper.lookup("BTCUSDT", "id-1").isPresent());
    }
}
