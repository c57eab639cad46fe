package bot.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Position;
import bot.domain.SymbolRules;
import bot.testing.Rules;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PreTradeCheckTest {
    private static final SymbolRules BTC = Rules.fromExchangeInfo("BTCUSDT"); // step 0.00001, minNotional 10
    private static final Position FLAT = Position.flat("BTCUSDT");

    private static BigDecimal approved(RiskDecision d) {
        return assertInstanceOf(RiskDecision.Approved.class, d, d.toString()).quantity();
    }

    private static String denied(RiskDecision d) {
        return assertInstanceOf(RiskDecision.Denied.class, d, d.toString()).reason();
    }

    @Test
    void buyQuantityIsOrderValueOverCloseRoundedDownToTheLotStep() {
        // 100 / 61234.56 = 0.0016330...: MARKET_LOT_SIZE step is 0, so LOT_SIZE's 0.00001 applies
        assertEquals(new BigDecimal("0.00163"), approved(PreTradeCheck.buy(BTC, FLAT, dec("100"), dec("61234.56"))));
        assertEquals(new BigDecimal("0.0025"), approved(PreTradeCheck.buy(BTC, FLAT, dec("100"), dec("40000"))));
    }

    @Test
    void marketLotStepWinsWhenSet() {
        SymbolRules r = withMarketStep(BTC, "0.001");
        assertEquals(new BigDecimal("0.001"), approved(PreTradeCheck.buy(r, FLAT, dec("100"), dec("61234.56"))));
    }

    @Test
    void sellIsTheWholePositionRoundedDown() {
        Position held = new Position("BTCUSDT", dec("0.001234567"), dec("60000"));
        assertEquals(new BigDecimal("0.00123"), approved(PreTradeCheck.sell(BTC, held, dec("60000"))));
    }

    @Test
    void belowMinNotionalIsDenied() {
        // 9.99 USDT buys 0.00016 BTC at 60000 = 9.6 USDT < 10
        assertTrue(denied(PreTradeCheck.buy(BTC, FLAT, dec("9.99"), dec("60000"))).startsWith("NOTIONAL"));
        // exactly 10 is enough
        assertEquals(new BigDecimal("0.0002"), approved(PreTradeCheck.buy(BTC, FLAT, dec("10"), dec("50000"))));
    }

    @Test
    void belowMinQtyIsDenied() {
        SymbolRules xrp = Rules.xrpEth(); // whole XRP, minQty 1
        String reason = denied(PreTradeCheck.buy(xrp, Position.flat("XRPETH"), dec("0.0013"), dec("0.00141418")));
        assertTrue(reason.startsWith("LOT_SIZE"), reason); // 0.919 XRP rounds down to 0
        SymbolRules minFive = new SymbolRules("XRPETH", "TRADING", "XRP", "ETH", dec("0.00000001"), dec("1000"),
                dec("0.00000001"), dec("5"), dec("1000"), dec("1"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                dec("0.001"), true, BigDecimal.ZERO, false);
        reason = denied(PreTradeCheck.buy(minFive, Position.flat("XRPETH"), dec("0.006"), dec("0.0015")));
        assertTrue(reason.contains("below minQty 5"), reason); // 4 XRP
    }

    @Test
    void aboveMarketMaxQtyIsDenied() {
        String reason = denied(PreTradeCheck.buy(BTC, FLAT, dec("10000000"), dec("60000")));
        assertTrue(reason.startsWith("MARKET_LOT_SIZE") && reason.contains("above maxQty"), reason);
    }

    @Test
    void onePositionAtATimeAndNothingToSellWhenFlat() {
        Position held = new Position("BTCUSDT", dec("0.001"), dec("60000"));
        assertTrue(denied(PreTradeCheck.buy(BTC, held, dec("100"), dec("60000"))).contains("at most one position"));
        assertEquals("no position to sell", denied(PreTradeCheck.sell(BTC, FLAT, dec("60000"))));
    }

    @Test
    void aSymbolThatIsNotTradingIsDenied() {
        SymbolRules halted = new SymbolRules("BTCUSDT", "HALT", "BTC", "USDT", BTC.minPrice(), BTC.maxPrice(),
                BTC.tickSize(), BTC.minQty(), BTC.maxQty(), BTC.stepSize(), BTC.marketMinQty(), BTC.marketMaxQty(),
                BTC.marketStepSize(), BTC.minNotional(), true, BigDecimal.ZERO, false);
        assertTrue(denied(PreTradeCheck.buy(halted, FLAT, dec("100"), dec("60000"))).startsWith("STATUS"));
    }

    static SymbolRules withMarketStep(SymbolRules r, String step) {
        return new SymbolRules(r.symbol(), r.status(), r.baseAsset(), r.quoteAsset(), r.minPrice(), r.maxPrice(),
                r.tickSize(), r.minQty(), r.maxQty(), r.stepSize(), r.marketMinQty(), r.marketMaxQty(), dec(step),
                r.minNotional(), r.applyMinNotionalToMarket(), r.maxNotional(), r.applyMaxNotionalToMarket());
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
