package bot.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bot.domain.Position;
import bot.domain.SymbolRules;
import bot.testing.Rules;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The floor is exact: at it the position can be sold at its stop, one step of quantity below it not. */
class ExitFloorTest {
    private static final SymbolRules BTC = Rules.fromExchangeInfo("BTCUSDT"); // minNotional 10, step 0.00001

    @Test
    void btcAtFiftyThousandWithTheDefaultFeeAndATenPercentStop() {
        BigDecimal least = ExitFloor.smallestOrderValue(BTC, new BigDecimal("50000"), new BigDecimal("0.001"),
                new BigDecimal("0.10"));
        // 10 / 45000 = 0.000222.. BTC to sell; bought 0.00023 keeps 0.00022977 -> 0.00022 (too little);
        // 0.00024 keeps 0.00023976 -> 0.00023, worth 10.35 at 45000
        assertEquals(new BigDecimal("12"), least);
        assertSellableAtStop(least, true);
        assertSellableAtStop(least.subtract(new BigDecimal("0.5")), false); // one step less (0.00001 BTC x 50000)
    }

    @Test
    void xrpEthWholeStepsAndRsisThreePercentStop() {
        SymbolRules xrp = Rules.xrpEth(); // step 1 XRP, minNotional 0.01 ETH
        BigDecimal least = ExitFloor.smallestOrderValue(xrp, new BigDecimal("0.00128"), new BigDecimal("0.001"),
                new BigDecimal("0.03"));
        // 0.01 / 0.0012416 = 8.05 XRP to sell: 9 XRP held needs 10 bought (10 x 0.999 = 9.99 -> 9)
        assertEquals(new BigDecimal("0.0128"), least);
    }

    private static void assertSellableAtStop(BigDecimal orderValue, boolean sellable) {
        BigDecimal price = new BigDecimal("50000");
        RiskDecision buy = PreTradeCheck.buy(BTC, Position.flat("BTCUSDT"), orderValue, price);
        BigDecimal bought = ((RiskDecision.Approved) buy).quantity();
        BigDecimal held = bot.domain.Money.floorToStep(bought.multiply(new BigDecimal("0.999")), new BigDecimal("0.00001"));
        RiskDecision sell = PreTradeCheck.sell(BTC, new Position("BTCUSDT", held, price), new BigDecimal("45000"));
        assertEquals(sellable, sell instanceof RiskDecision.Approved, sell.toString());
    }
}
