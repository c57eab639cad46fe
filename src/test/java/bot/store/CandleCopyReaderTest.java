package bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Network;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The binary COPY read gives back every stored decimal exactly, scale included, over a range read in parts. */
class CandleCopyReaderTest {

    @Test
    void decimalsOfEveryShapeComeBackExactlyAcrossParts() {
        String[] prices = {"0.00000001", "5.233", "50000", "123456789012.123456789", "0.10000000", "9999.9999",
            "1000", "100000000.00000001",
            "100000000000000000000", "90000000000000000000", "123456789012345678901234.5", "0.000000000000000000001", "922337203685477580.7", "7.00"};
        List<Candle> candles = new ArrayList<>();
        long t0 = 1_675_209_600_000L;
        for (int i = 0; i < 20_160; i++) { // two weeks of minutes: read in parts
            BigDecimal p = new BigDecimal(prices[i % prices.length]);
            candles.add(new Candle("FILUSDT", Interval.M1, t0 + i * 60_000L, t0 + i * 60_000L + 59_999, p, p, p, p,
                    i % 3 == 0 ? new BigDecimal("0.00000000") : new BigDecimal("35462.8"), BigDecimal.ZERO, i, true));
        }
        try (Database db = TestDatabase.fresh()) {
            CandleRepository repository = new CandleRepository(db.jdbi());
            repository.save(Network.PRODUCTION, candles);
            List<Candle> loaded = repository.load(Network.PRODUCTION, "FILUSDT", Interval.M1, 0, Long.MAX_VALUE);
            assertEquals(candles.size(), loaded.size());
            for (int i = 0; i < candles.size(); i++) {
                assertEquals(candles.get(i), loaded.get(i), "candle " + i);
            }
            assertEquals(candles.subList(100, 201), repository.load(Network.PRODUCTION, "FILUSDT", Interval.M1,
                    candles.get(100).openTime(), candles.get(200).openTime()));
        }
    }
}
