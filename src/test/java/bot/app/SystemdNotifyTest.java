package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness goes to systemd-notify (here a script that records its arguments) only under systemd. */
class SystemdNotifyTest {

    @Test
    void readyIsToldOnlyWhenSystemdListens(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("calls");
        Path fake = dir.resolve("systemd-notify");
        Files.writeString(fake, "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '" + calls + "'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));

        SystemdNotify.ready(Map.of(), "running 1 strategy", fake.toString());
        assertFalse(Files.exists(calls), "not under systemd: nothing to tell");

        SystemdNotify.ready(Map.of("NOTIFY_SOCKET", "/run/systemd/notify"), "running 1 strategy", fake.toString());
        assertEquals(List.of("--ready", "--status=running 1 strategy"), Files.readAllLines(calls));
    }
}
