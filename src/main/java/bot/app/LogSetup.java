package bot.app;

import bot.config.Settings;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Logging as the settings say, one JSON object per line. The daemon ({@code bot start}) writes
 * {@code BOT_LOG_DIR/bot.json}, rotated daily or by size, rotated files gzipped and at most
 * BOT_LOG_RETENTION kept; it is the only process that writes or rotates that file, so a rotation
 * never renames it under another process. Every other command appends to
 * {@code BOT_LOG_DIR/commands.json} (see {@link CommandLogFile}). When standard error is a
 * terminal, a readable line per event goes there too.
 */
public final class LogSetup {
    public static final String FILE_NAME = "bot.json";
    public static final String COMMANDS_FILE_NAME = CommandLogFile.FILE_NAME;
    /** Size rotation keeps at most this many files (the settings refuse more). */
    public static final int MAX_SIZE_RETENTION = Settings.MAX_SIZE_RETENTION;
    /** Events with this marker go to the log file only: e.g. a failure the CLI already told the user about. */
    public static final Marker FILE_ONLY = MarkerFactory.getMarker("FILE_ONLY");

    private LogSetup() {
    }

    /**
     * Logging of the daemon: bot.json, rotated as the settings say.
     *
     * @param consoleLevel the least level shown on a terminal; null for no console output
     */
    public static void configureDaemon(Settings settings, Level consoleLevel) {
        LoggerContext context = reset(settings);
        finish(context, rollingAppender(context, settings), consoleLevel);
    }

    /**
     * Logging of a short command: commands.json, never bot.json.
     *
     * @param consoleLevel the least level shown on a terminal (WARN for commands whose output is
     *                     their result); null for no console output
     */
    public static void configure(Settings settings, Level consoleLevel) {
        LoggerContext context = reset(settings);
        Path file = CommandLogFile.open(settings.logDir(), settings.logMaxSizeBytes(),
                Math.min(settings.logRetention(), MAX_SIZE_RETENTION));
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("json-commands");
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(jsonEncoder(context));
        appender.start();
        finish(context, appender, consoleLevel);
    }

    private static LoggerContext reset(Settings settings) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset(); // closes the appenders of an earlier configuration
        CommandLogFile.release();
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(settings.logLevel(), Level.INFO));
        return context;
    }

    private static void finish(LoggerContext context, FileAppender<ILoggingEvent> file, Level consoleLevel) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(file);
        if (consoleLevel != null && Terminal.isTerminal(Terminal.STDERR)) {
            root.addAppender(consoleAppender(context, consoleLevel));
        }
        // Libraries speak at INFO about their own start-up; only their warnings interest a user.
        for (String quiet : new String[] {"com.zaxxer.hikari", "org.flywaydb", "io.zonky", "okhttp3"}) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
    }

    private static LogstashEncoder jsonEncoder(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private static RollingFileAppender<ILoggingEvent> rollingAppender(LoggerContext context, Settings settings) {
        Path dir = settings.logDir();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("json-file");
        appender.setFile(dir.resolve(FILE_NAME).toString());
        if (settings.logRotationBySize()) {
            int retention = settings.logRetention();
            FixedWindowRollingPolicy policy = new FixedWindowRollingPolicy();
            policy.setContext(context);
            policy.setParent(appender);
            policy.setFileNamePattern(dir.resolve("bot.%i.json.gz").toString());
            policy.setMinIndex(1);
            policy.setMaxIndex(retention);
            SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
            trigger.setContext(context);
            trigger.setMaxFileSize(new FileSize(settings.logMaxSizeBytes()));
            trigger.setCheckIncrement(ch.qos.logback.core.util.Duration.buildByMilliseconds(0));
            appender.setRollingPolicy(policy);
            appender.setTriggeringPolicy(trigger);
            policy.start();
            trigger.start();
        } else {
            TimeBasedRollingPolicy<ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
            policy.setContext(context);
            policy.setParent(appender);
            policy.setFileNamePattern(dir.resolve("bot.%d{yyyy-MM-dd, UTC}.json.gz").toString());
            policy.setMaxHistory(settings.logRetention());
            appender.setRollingPolicy(policy);
            policy.start();
        }
        appender.setEncoder(jsonEncoder(context));
        appender.start();
        return appender;
    }

    private static ConsoleAppender<ILoggingEvent> consoleAppender(LoggerContext context, Level level) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} %mdc %msg%n");
        encoder.start();
        ThresholdFilter filter = new ThresholdFilter();
        filter.setLevel(level.levelStr);
        filter.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("console");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.addFilter(filter);
        appender.addFilter(new ch.qos.logback.core.filter.Filter<>() {
            @Override
            public ch.qos.logback.core.spi.FilterReply decide(ILoggingEvent event) {
                return event.getMarkerList() != null && event.getMarkerList().contains(FILE_ONLY)
                        ? ch.qos.logback.core.spi.FilterReply.DENY : ch.qos.logback.core.spi.FilterReply.NEUTRAL;
            }
        });
        appender.start();
        return appender;
    }
}
