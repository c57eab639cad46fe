package bot.execution.binance;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Collects the ERROR events of one class's logger while open. */
final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Class<?> type) {
        logger = (Logger) LoggerFactory.getLogger(type);
        appender.start();
        logger.addAppender(appender);
    }

    static LogCapture errorsOf(Class<?> type) {
        return new LogCapture(type);
    }

    long count() {
        return appender.list.stream().filter(e -> e.getLevel() == Level.ERROR).count();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
