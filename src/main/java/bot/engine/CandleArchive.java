package bot.engine;

import bot.domain.Candle;
import java.util.List;

/** Keeps closed candles for replays and reports. Saving a candle again replaces it. */
public interface CandleArchive {

    void save(List<Candle> closed);
}
