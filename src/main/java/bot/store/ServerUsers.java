package bot.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Who uses the embedded server of one data folder: every process using it holds a shared lock on
 * {@code <pgdata>.users} for as long as it does. The kernel drops the lock of a process that dies,
 * however it dies, so a process that can take the lock exclusively has proved that no other live
 * process uses the server. Unlike counting the server's connections, this does not depend on what
 * the users' pools happen to hold at that instant.
 * <p>
 * A JVM holds one shared lock per folder however many {@link EmbeddedServer}s it has open on it
 * (Java refuses overlapping locks within one JVM); callers serialise with the folder's decision
 * lock and the JVM-wide guard of {@link EmbeddedServer}.
 */
final class ServerUsers {
    private static final Map<Path, Hold> HOLDS = new HashMap<>();

    private record Hold(FileChannel channel, int count) {
    }

    private ServerUsers() {
    }

    /** Marks this process as a user of the server on {@code dataDir}. */
    static void join(Path dataDir) throws IOException {
        Hold hold = HOLDS.get(dataDir);
        if (hold == null) {
            FileChannel channel = open(dataDir);
            try {
                channel.lock(0, Long.MAX_VALUE, true);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            hold = new Hold(channel, 0);
        }
        HOLDS.put(dataDir, new Hold(hold.channel(), hold.count() + 1));
    }

    /**
     * Gives up one use by this process.
     *
     * @return true when this process has no use left and no other process holds one: the server
     *         may be stopped (the caller still holds the decision lock, so no one can join meanwhile)
     */
    static boolean leaveLast(Path dataDir) throws IOException {
        Hold hold = HOLDS.remove(dataDir);
        if (hold == null) {
            return false;
        }
        if (hold.count() > 1) {
            HOLDS.put(dataDir, new Hold(hold.channel(), hold.count() - 1));
            return false;
        }
        hold.channel().close(); // releases this process's shared lock
        try (FileChannel channel = open(dataDir); FileLock alone = channel.tryLock()) {
            return alone != null;
        }
    }

    private static FileChannel open(Path dataDir) throws IOException {
        // READ as well: a shared lock needs a readable channel
        return FileChannel.open(dataDir.resolveSibling(dataDir.getFileName() + ".users"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
}
