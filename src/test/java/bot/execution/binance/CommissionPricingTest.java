package bot.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import bot.domain.ExecutionReport;
import bot.domain.Fill;
import bot.domain.OrderStatus;
import bot.testing.FakeBinanceExchange;
import bot.testing.LiveGatewayKit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pricing a BNB commission in the order's quote asset, against the fake exchange's klines. */
class CommissionPricingTest {
    private static final Instant AT = LiveGatewayKit.START.plusSeconds(30);

    private final LiveGatewayKit kit = new LiveGatewayKit();
    private final FakeBinanceExchange exchange = kit.exchange;
    private final CommissionPricing pricing = new CommissionPricing(kit.factory.publicClient(exchange.baseUrl()));

    @AfterEach
    void close() {
        kit.close();
    }

    private static ExecutionReport report(String symbol, String commissionAsset) {
        Fill fill = new Fill("1", new BigDecimal("0.02"), new BigDecimal("100"), new BigDecimal("0.0001"),
                commissionAsset, AT);
        return new ExecutionReport("c1", OrderStatus.FILLED, "1", new BigDecimal("100"), new BigDecimal("2"),
                List.of(fill), null, AT);
    }

    private long klineCalls(String pair) {
        return exchange.calls().stream()
                .filter(c -> c.path().equals("/api/v3/klines") && pair.equals(c.params().get("symbol"))).count();
    }

    @Test
    void withoutABnbPairOfTheQuoteThePriceGoesThroughUsdtAndMissingPairsAreAskedOnce() {
        exchange.setPrice("BNBUSDT", "600");
        exchange.setPrice("ETHUSDT", "3000"); // no BNBETH, ETHBNB or USDTETH
        Fill priced = pricing.priced("XRPETH", report("XRPETH", "BNB")).fills().get(0);
        assertEquals(new BigDecimal("0.2"), priced.commissionPrice().stripTrailingZeros()); // 600 / 3000, exactly
        assertEquals(String.valueOf(LiveGatewayKit.START.toEpochMilli()), exchange.calls().stream()
                .filter(c -> c.path().equals("/api/v3/klines")).findFirst().orElseThrow().params().get("startTime"),
                "the candle of the fill's minute");
        pricing.priced("XRPETH", report("XRPETH", "BNB"));
        assertEquals(1, klineCalls("BNBETH"), "a pair Binance does not list is not asked again");
        assertEquals(2, klineCalls("BNBUSDT"));
    }

    @Test
    void aCommissionInTheBaseOrQuoteAssetAsksNothing() {
        ExecutionReport report = report("XRPETH", "ETH");
        assertSame(report, pricing.priced("XRPETH", report));
        assertEquals(List.of(), exchange.calls());
    }

    @Test
    void withNoPriceAnywhereTheFillStaysUnpriced() {
        Fill fill = pricing.priced("XRPETH", report("XRPETH", "BNB")).fills().get(0);
        assertNull(fill.commissionPrice());
        assertEquals(new BigDecimal("0.0001"), fill.commission());
    }
}
