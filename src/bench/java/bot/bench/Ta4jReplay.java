package bot.bench;

import bot.domain.Candle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Rule;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.TransformIndicator;
import org.ta4j.core.num.NumFactory;
import org.ta4j.core.rules.StopGainRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * mean_reversion's rules in ta4j, for comparison: enter when close &lt; SMA(window) x (1 -
 * threshold), exit when close &gt;= entry x (1 + gain%), trading on the signal bar's close, as the
 * bot's paper fills do; no trade before the window is full.
 */
final class Ta4jReplay {
    private final BarSeries series;

    Ta4jReplay(List<Candle> candles, NumFactory numbers) {
        series = new BaseBarSeriesBuilder().withName("bench").withNumFactory(numbers).build();
        Duration period = Duration.ofMillis(candles.get(0).interval().nominalMillis());
        for (Candle c : candles) {
            series.barBuilder().timePeriod(period).endTime(Instant.ofEpochMilli(c.closeTime() + 1))
                    .openPrice(c.open()).highPrice(c.high()).lowPrice(c.low()).closePrice(c.close())
                    .volume(c.volume()).amount(c.quoteVolume()).trades(c.trades()).add();
        }
    }

    /** A fresh strategy (empty indicator caches) run over the whole series; returns the closed positions. */
    int run(int window, double threshold, double gainPercent) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator sma = new SMAIndicator(close, window);
        Rule entry = new UnderIndicatorRule(close, TransformIndicator.multiply(sma, 1 - threshold));
        Rule exit = new StopGainRule(close, gainPercent);
        BaseStrategy strategy = new BaseStrategy(entry, exit, window - 1);
        return new BarSeriesManager(series, new TradeOnCurrentCloseModel()).run(strategy).getPositionCount();
    }
}
