package bot.market;

import bot.domain.Candle;
import java.util.List;

/** Where missed closed candles come from (REST in production, a list in unit tests). */
interface CandleHistory {

    /**
     * The closed candles of {@code stream} with open time in [from, to], oldest first;
     * {@code to = Long.MAX_VALUE} means every candle closed by now.
     *
     * @throws MarketDataException when they cannot be had
     */
    List<Candle> closed(KlineStream stream, long fromOpenTime, long toOpenTime);
}
