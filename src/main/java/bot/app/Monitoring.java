package bot.app;

import bot.config.Settings;
import bot.notify.Notice;
import bot.notify.NotificationSender;
import bot.notify.Notifications;
import bot.notify.Notifier;
import bot.store.StatusRepository;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code bot start} adds around its daemon so an operator can see and hear it: the
 * notifications (made first, so the daemon's journal can tell of fills), then once the daemon has
 * started the status publisher, the daily summary, the start notice and systemd's readiness. Closed
 * after the daemon: the last status (stopped) and the stop notice go out, then queued notices are
 * flushed for a few seconds.
 */
public final class Monitoring implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Monitoring.class);
    private final Jdbi jdbi;
    private final Map<String, String> environment;
    private final NotificationSender notifications;
    private final StatusRepository.Instance instance;
    private final Duration every;
    private StatusPublisher publisher;

    Monitoring(Jdbi jdbi, Map<String, String> environment, NotificationSender notifications, Duration every) {
        this.jdbi = jdbi;
        this.environment = environment;
        this.notifications = notifications;
        this.every = every;
        this.instance = new StatusRepository.Instance(UUID.randomUUID().toString(), hostName(environment),
                ProcessHandle.current().pid(), ProcessHandle.current().info().startInstant().orElse(Instant.now()));
    }

    /** Monitoring as the settings ask for it; {@code environment} is the process's (NOTIFY_SOCKET, HOSTNAME). */
    public static Monitoring open(Settings settings, Jdbi jdbi, Map<String, String> environment) {
        return new Monitoring(jdbi, environment, Notifications.open(settings.notifyUrl(), settings.telegramUrl(),
                settings.telegramToken(), settings.telegramChat()), StatusPublisher.EVERY);
    }

    /** For tests: notices to {@code notifications}, status written every {@code every}. */
    public static Monitoring open(Jdbi jdbi, NotificationSender notifications, Duration every) {
        return new Monitoring(jdbi, Map.of(), notifications, every);
    }

    /** Where fills, halts and limit trips are told; never blocks. */
    public Notifier notifier() {
        return notifications;
    }

    /** Which process this is, as strategy_status shows it. */
    public StatusRepository.Instance instance() {
        return instance;
    }

    /** Starts watching a started daemon: status, daily summary, the start notice, systemd's readiness. */
    public void watch(Daemon daemon, Clock engineClock) {
        DailySummary summary = new DailySummary(new JournalReporter(jdbi)::report, notifications, Clock.systemUTC());
        publisher = new StatusPublisher(new StatusRepository(jdbi), instance, daemon::activity, notifications,
                engineClock, every, summary);
        int strategies = daemon.activity().size();
        notifications.publish(new Notice(Notice.Kind.DAEMON_STARTED, null, "bot started on " + instance.host()
                + " (pid " + instance.pid() + ") with " + strategies + (strategies == 1 ? " strategy" : " strategies"),
                Map.of("host", instance.host(), "pid", instance.pid(), "strategies", strategies), Instant.now()));
        SystemdNotify.ready(environment, "running " + strategies + (strategies == 1 ? " strategy" : " strategies"));
    }

    /** Tells systemd the daemon is stopping (before it drains). */
    public void stopping() {
        SystemdNotify.stopping(environment);
    }

    @Override
    public void close() {
        if (publisher != null) {
            publisher.close();
            notifications.publish(new Notice(Notice.Kind.DAEMON_STOPPED, null, "bot stopped on " + instance.host()
                    + " (pid " + instance.pid() + ")", Map.of("host", instance.host(), "pid", instance.pid()),
                    Instant.now()));
        }
        notifications.close();
    }

    private static String hostName(Map<String, String> environment) {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            String host = environment.get("HOSTNAME");
            log.debug("cannot resolve the local host name: {}", e.toString());
            return host == null || host.isEmpty() ? "unknown" : host;
        }
    }
}
