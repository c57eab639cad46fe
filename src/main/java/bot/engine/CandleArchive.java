package bot.engine;

import bot.domain.Candle;
import bot.domain.Network;
import java.util.List;

/**
 * Keeps closed candles for replays and reports, one archive per network (the testnet's prices are
 * not production's). Saving a candle again replaces it.
 */
public interface CandleArchive {

    void save(Network network, List<Candle> closed);
}
