package bot.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeeTotalsTest {

    @Test
    void theSymbolTellsQuoteFromBaseAsset() {
        assertEquals(CommissionAsset.QUOTE, CommissionAsset.of("BTCUSDT", "USDT"));
        assertEquals(CommissionAsset.BASE, CommissionAsset.of("BTCUSDT", "BTC"));
        assertEquals(CommissionAsset.QUOTE, CommissionAsset.of("ETHBTC", "BTC"));
        assertEquals(CommissionAsset.BASE, CommissionAsset.of("ETHBTC", "ETH"));
        assertEquals(CommissionAsset.OTHER, CommissionAsset.of("BTCUSDT", "BNB"));
        assertEquals(CommissionAsset.QUOTE, CommissionAsset.of("BTCUSDT", null));
    }

    @Test
    void baseCommissionsAreValuedAtTheirPriceOthersKeptApart() {
        FeeTotals fees = FeeTotals.of("BTCUSDT", "USDT", new BigDecimal("0.5"), new BigDecimal("20000"))
                .plus(FeeTotals.of("BTCUSDT", "BTC", new BigDecimal("0.00001"), new BigDecimal("0.4")))
                .plus(FeeTotals.of("BTCUSDT", "BNB", new BigDecimal("0.001"), new BigDecimal("40")))
                .plus(FeeTotals.of("BTCUSDT", "BNB", new BigDecimal("0.002"), new BigDecimal("80")));
        assertEquals(new BigDecimal("0.9"), fees.quote());
        assertEquals(Map.of("BNB", new BigDecimal("0.003")), fees.otherAssets());
    }
}
