package bot.engine;

import bot.domain.Side;
import java.math.BigDecimal;

/** What a strategy asked for on one candle: a BUY for a quote amount, or a SELL of everything (amount null). */
record OrderIntent(Side side, BigDecimal quoteAmount) {
}
