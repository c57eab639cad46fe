package bot.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.testing.RecordedCandles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapFillerTest {
    private static final List<Candle> SERIES = RecordedCandles.xrpeth1m();
    private static final KlineStream XRPETH = new KlineStream("XRPETH", Interval.M1);

    /** Serves the series like the exchange would, and records what it was asked. */
    private static final class SeriesHistory implements CandleHistory {
        final List<long[]> asked = new ArrayList<>();
        boolean failing;

        @Override
        public List<Candle> closed(KlineStream stream, long from, long to) {
            asked.add(new long[] {from, to});
            if (failing) {
                throw new MarketDataException("exchange down", null);
            }
            return SERIES.stream().filter(c -> c.openTime() >= from && c.openTime() <= to && c.openTime() < 1570900000000L)
                    .toList();
        }
    }

    private final SeriesHistory history = new SeriesHistory();
    private final RecordingListener listener = new RecordingListener();

    private GapFiller fillerAfter(int index) {
        return new GapFiller(XRPETH, history, listener, SERIES.get(index).openTime());
    }

    private static Candle tick(Candle c) {
        return new Candle(c.symbol(), c.interval(), c.openTime(), c.closeTime(), c.open(), c.high(), c.low(), c.close(),
                c.volume(), c.quoteVolume(), c.trades(), false);
    }

    @Test
    void inOrderCandlesPassStraightThroughAndDuplicatesAreDropped() {
        GapFiller filler = fillerAfter(9);
        filler.accept(SERIES.get(10));
        filler.accept(SERIES.get(10));
        filler.accept(SERIES.get(11));
        filler.accept(SERIES.get(5));
        assertEquals(SERIES.subList(10, 12), listener.closed);
        assertEquals(0, history.asked.size());
    }

    @Test
    void aGapIsFilledFirstWithExactlyTheMissingRange() {
        GapFiller filler = fillerAfter(9);
        filler.accept(SERIES.get(15));
        assertEquals(SERIES.subList(10, 16), listener.closed);
        assertEquals(1, history.asked.size());
        assertEquals(SERIES.get(10).openTime(), history.asked.get(0)[0]);
        assertEquals(SERIES.get(15).openTime() - 1, history.asked.get(0)[1]);
        assertEquals(SERIES.get(15).openTime(), filler.lastDelivered());
    }

    @Test
    void aTickOfALaterCandleFetchesTheUnclosedOneOnceAndPassesTheTickOn() {
        GapFiller filler = fillerAfter(9);
        filler.accept(tick(SERIES.get(10)));
        assertEquals(0, history.asked.size());
        filler.accept(tick(SERIES.get(11)));   // candle 10's final update never came
        filler.accept(tick(SERIES.get(11)));
        filler.accept(SERIES.get(11));
        assertEquals(SERIES.subList(10, 12), listener.closed);
        assertEquals(1, history.asked.size());
        assertEquals(List.of("tick", "closed", "tick", "tick", "closed"), listener.calls);
        filler.accept(tick(SERIES.get(11)));   // late update of a closed candle
        assertEquals(3, listener.ticks.size());
    }

    @Test
    void aResyncDeliversEverythingClosedSinceTheLastCandle() {
        GapFiller filler = fillerAfter(100);
        filler.resync();
        filler.accept(SERIES.get(105));
        List<Candle> served = SERIES.stream().filter(c -> c.openTime() < 1570900000000L).toList();
        assertEquals(served.subList(101, served.size()), listener.closed);
        assertEquals(Long.MAX_VALUE, history.asked.get(0)[1]);
    }

    @Test
    void whenTheExchangeLacksTheCandlesTheNextOneIsStillDelivered() {
        GapFiller filler = new GapFiller(XRPETH, history, listener, SERIES.get(3000).openTime());
        filler.accept(SERIES.get(3005));   // the history serves nothing after 1570900000000
        assertEquals(List.of(SERIES.get(3005)), listener.closed);
        history.failing = true;
        filler.accept(SERIES.get(3010));
        assertEquals(List.of(SERIES.get(3005), SERIES.get(3010)), listener.closed);
    }

    @Test
    void withoutAnAnchorTheFirstClosedCandleStartsTheSequence() {
        GapFiller filler = new GapFiller(XRPETH, history, listener, GapFiller.NONE);
        filler.resync();
        filler.accept(tick(SERIES.get(7)));
        filler.accept(SERIES.get(7));
        filler.accept(SERIES.get(9));
        assertEquals(List.of(SERIES.get(7), SERIES.get(8), SERIES.get(9)), listener.closed);
        assertEquals(1, history.asked.size());
    }
}
