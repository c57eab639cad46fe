package bot.strategy.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bot.testing.Candles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BreakoutTest {
    private static final Map<String, String> PARAMS = Map.of("order_value", "50", "lookback", "3");

    private static KindFixture withChannel() {
        KindFixture f = new KindFixture(new BreakoutKind(), PARAMS);
        f.candle(Candles.ohlc("TEST", f.nextMinute(), "10", "11", "9", "10"));
        f.candle(Candles.ohlc("TEST", f.nextMinute(), "10", "12", "8", "10"));
        f.candle(Candles.ohlc("TEST", f.nextMinute(), "10", "11.5", "8.5", "10"));
        return f; // highest high 12, lowest low 8
    }

    @Test
    void closeEqualToTheHighestHighDoesNotBuy() {
        assertEquals(List.of(), withChannel().closes("12"));
    }

    @Test
    void closeAboveTheHighestHighBuys() {
        assertEquals(List.of("BUY 50"), withChannel().closes("12.00000001"));
    }

    @Test
    void theChannelIsThePreviousLookbackCandlesOnly() {
        KindFixture f = withChannel();
        f.closes("11"); // the 12 high is now 3 candles back... still inside
        assertEquals(List.of(), f.closes("11.9")); // previous: 12, 11.5, 11
        assertEquals(List.of("BUY 50"), f.closes("11.91")); // previous: 11.5, 11, 11.9 -> highest 11.9
    }

    @Test
    void noEntryWithFewerThanLookbackCandlesOrOnWarmUp() {
        KindFixture f = new KindFixture(new BreakoutKind(), PARAMS);
        assertEquals(List.of(), f.closes("1", "2", "3"));
        KindFixture warm = withChannel();
        warm.context.warmingUp = true;
        assertEquals(List.of(), warm.closes("100"));
    }

    @Test
    void longSellsBelowTheLowestLowButNotAtIt() {
        KindFixture f = withChannel();
        f.context.hold("1", "10");
        assertEquals(List.of(), f.closes("8"));
        KindFixture g = withChannel();
        g.context.hold("1", "10");
        assertEquals(List.of("SELL"), g.closes("7.99999999"));
    }

    @Test
    void longTakesTheCommonProfitExit() {
        KindFixture f = withChannel();
        f.context.hold("1", "10");
        assertEquals(List.of("SELL"), f.closes("10.04")); // 10 x 1.004
    }
}
