package bot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.ExecutionReport;
import bot.domain.Fill;
import bot.domain.OrderStatus;
import bot.domain.Position;
import bot.domain.Side;
import bot.domain.SymbolRules;
import bot.testing.Rules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The position rebuilt from the journal's fills, and when a recorded one agrees with it. */
class PositionRebuildTest {
    private static final SymbolRules BTC = Rules.fromExchangeInfo("BTCUSDT"); // step 0.00001
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    private static RecordedExecution execution(long id, Side side, String qty, String price, String commission,
                                               String asset) {
        BigDecimal q = new BigDecimal(qty);
        BigDecimal p = new BigDecimal(price);
        return new RecordedExecution(id, side, new ExecutionReport("c" + id, OrderStatus.FILLED, "x" + id, q,
                q.multiply(p), List.of(new Fill("t" + id, p, q, new BigDecimal(commission), asset, T)), null, T));
    }

    private static final List<RecordedExecution> ROUND_TRIP_THEN_BUY = List.of(
            execution(1, Side.BUY, "0.002", "50000", "0.000002", "BTC"),
            execution(2, Side.SELL, "0.00199", "51000", "0.10149", "USDT"),
            execution(3, Side.BUY, "0.0015", "49000", "0.0000015", "BTC"));

    @Test
    void theFillsGiveTheLastEntryLessItsBaseCommissionRoundedDown() {
        Holding rebuilt = PositionRebuild.from("BTCUSDT", ROUND_TRIP_THEN_BUY, BTC);
        assertEquals(new BigDecimal("0.00149"), rebuilt.position().quantity());
        assertEquals(0, new BigDecimal("49000").compareTo(rebuilt.position().entryPrice()));
        assertEquals(3L, rebuilt.entryOrderId());
        assertTrue(PositionRebuild.from("BTCUSDT", ROUND_TRIP_THEN_BUY.subList(0, 2), BTC).isFlat());
    }

    @Test
    void aRecordedPositionAgreesWhenItHoldsNoMoreThanTheFillsGiveEvenAfterAStepChange() {
        Holding recorded = PositionRebuild.from("BTCUSDT", ROUND_TRIP_THEN_BUY, BTC);
        SymbolRules coarser = new SymbolRules("BTCUSDT", "TRADING", "BTC", "USDT", BTC.minPrice(), BTC.maxPrice(),
                BTC.tickSize(), new BigDecimal("0.0001"), BTC.maxQty(), new BigDecimal("0.0001"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BTC.minNotional(), true, BigDecimal.ZERO, false);
        Holding rebuiltToday = PositionRebuild.from("BTCUSDT", ROUND_TRIP_THEN_BUY, coarser);
        assertEquals(new BigDecimal("0.0014"), rebuiltToday.position().quantity());
        assertTrue(PositionRebuild.agree(recorded, rebuiltToday, ROUND_TRIP_THEN_BUY, "BTC"));

        Holding overstated = new Holding(new Position("BTCUSDT", new BigDecimal("0.0015"), recorded.position().entryPrice()),
                3L, recorded.entryQty(), recorded.entryCost(), recorded.entryFeeQuote(), recorded.entryQuoteFee(),
                recorded.openedAt());
        assertFalse(PositionRebuild.agree(overstated, recorded, ROUND_TRIP_THEN_BUY, "BTC"), "more than 0.0014985 BTC");
        assertFalse(PositionRebuild.agree(Holding.flat("BTCUSDT"), recorded, ROUND_TRIP_THEN_BUY, "BTC"));
        assertFalse(PositionRebuild.agree(recorded, Holding.flat("BTCUSDT"), ROUND_TRIP_THEN_BUY, "BTC"));
    }
}
