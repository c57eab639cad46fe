package bot.app;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd (a {@code Type=notify} unit) that the daemon is up, through {@code systemd-notify}:
 * the JDK cannot send the datagram on a Unix socket that sd_notify uses. The unit therefore needs
 * {@code NotifyAccess=all}; systemd-notify (systemd >= 246) waits until systemd has taken the message
 * (sd_notify_barrier), so the helper exiting at once loses nothing. Outside systemd (no
 * NOTIFY_SOCKET) it does nothing.
 */
final class SystemdNotify {
    private static final Logger log = LoggerFactory.getLogger(SystemdNotify.class);

    private SystemdNotify() {
    }

    static void ready(Map<String, String> environment, String status) {
        ready(environment, status, "systemd-notify");
    }

    /** {@code executable}: a test's stand-in for systemd-notify. */
    static void ready(Map<String, String> environment, String status, String executable) {
        send(environment, List.of(executable, "--ready", "--status=" + status));
    }

    static void stopping(Map<String, String> environment) {
        send(environment, List.of("systemd-notify", "STOPPING=1")); // works before systemd 253's --stopping
    }

    private static void send(Map<String, String> environment, List<String> command) {
        if (environment.get("NOTIFY_SOCKET") == null) {
            return;
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                log.warn("systemd-notify did not answer within 5 s");
            } else if (process.exitValue() != 0) {
                log.warn("systemd-notify failed with exit code {}", process.exitValue());
            }
        } catch (IOException e) {
            log.warn("cannot run systemd-notify: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
