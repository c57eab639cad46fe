package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bot.domain.Candle;
import bot.domain.Network;
import bot.engine.CandleArchive;
import bot.testing.RecordedCandles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleArchiverTest {

    /** What was saved, as "network openTime" lines. */
    private static final class RecordingArchive implements CandleArchive {
        final List<String> saved = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void save(Network network, List<Candle> closed) {
            closed.forEach(c -> saved.add(network.code() + " " + c.openTime()));
        }
    }

    @Test
    void eachNetworksListenerStoresItsCandlesAsThatNetworks() {
        List<Candle> candles = RecordedCandles.xrpeth1m().subList(0, 3);
        RecordingArchive archive = new RecordingArchive();
        try (CandleArchiver archiver = new CandleArchiver(archive)) {
            archiver.listener(Network.TESTNET).onHistory(candles.subList(0, 2));
            archiver.listener(Network.PRODUCTION).onClosed(candles.get(0));
            archiver.listener(Network.TESTNET).onClosed(candles.get(2));
        } // close writes what is queued
        List<String> saved = new ArrayList<>(archive.saved);
        Collections.sort(saved);
        long t = candles.get(0).openTime();
        assertEquals(List.of("production " + t, "testnet " + t, "testnet " + (t + 60_000), "testnet " + (t + 120_000)),
                saved);
    }
}
