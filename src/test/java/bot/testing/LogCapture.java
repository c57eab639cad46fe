package bot.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects the events of one class's logger while open. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String name) {
        logger = (Logger) LoggerFactory.getLogger(name);
        appender.start();
        logger.addAppender(appender);
    }

    public static LogCapture errorsOf(Class<?> type) {
        return new LogCapture(type.getName());
    }

    /** The events of the logger of that name (a class not visible from the test's package). */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    public long count() {
        return errors().size();
    }

    /** The WARN messages logged so far, arguments filled in. */
    public List<String> warnings() {
        return appender.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** The ERROR messages logged so far, arguments filled in. */
    public List<String> errors() {
        return appender.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** Every event so far, any level: its level, message and structured key/value pairs, one line each. */
    public List<String> lines() {
        return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()
                + (e.getKeyValuePairs() == null ? "" : " " + e.getKeyValuePairs())).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
