package bot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal. {@code System.console()} cannot tell on JDK 22 and
 * later (it answers even when a stream is redirected), so this asks Linux what the descriptor is.
 */
public final class Terminal {
    public static final int STDIN = 0;
    public static final int STDERR = 2;

    private Terminal() {
    }

    public static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
