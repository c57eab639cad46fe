package bot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Keeps a backtest's per-order INFO lines (signal, order sent, filled, round trip: four lines an
 * order, gigabytes for a sweep over a year) out of the log: its orders are in its own tables. The
 * runner puts its strategy's name in the MDC, and a backtest's runner is named with {@link #PREFIX};
 * warnings and errors still reach the log.
 */
final class QuietBacktestLogs extends TurboFilter {
    static final String PREFIX = "backtest/";

    /**
     * Adds the filter to the logging context (when that is Logback's) unless it is there: a new
     * logging configuration resets the context and drops it, so this is asked before each run.
     */
    static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(f -> f instanceof QuietBacktestLogs)) {
            QuietBacktestLogs filter = new QuietBacktestLogs();
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
            Object[] params, Throwable t) {
        if (level != null && level.levelInt < Level.WARN_INT) {
            String strategy = MDC.get("strategy");
            if (strategy != null && strategy.startsWith(PREFIX)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
