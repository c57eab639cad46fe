package bot.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPOutputStream;

/**
 * The log file of the short commands (everything but {@code bot start}), apart from the daemon's
 * {@code bot.json}, which only the daemon writes and rotates. Many commands may append to it at
 * once; none rotates it while another has it open: each command holds a shared lock on
 * {@value #LOCK_NAME} for as long as it may write, and a command that finds the file over its size
 * rotates it before it opens it, only if it gets the lock exclusively (else the next one will).
 */
final class CommandLogFile {
    static final String FILE_NAME = "commands.json";
    static final String LOCK_NAME = "commands.lock";
    private static final ReentrantLock GUARD = new ReentrantLock();
    /** The lock file this process holds shared, while its appender may write; null when none. */
    private static FileChannel held;

    private CommandLogFile() {
    }

    /**
     * Rotates the file when it has reached {@code maxBytes} and no other process has it open, then
     * takes this process's shared hold on it (giving up any earlier one).
     *
     * @return the file to append to
     */
    static Path open(Path dir, long maxBytes, int retention) {
        GUARD.lock();
        try {
            release();
            Path file = dir.resolve(FILE_NAME);
            try {
                Files.createDirectories(dir);
                FileChannel channel = FileChannel.open(dir.resolve(LOCK_NAME), StandardOpenOption.CREATE,
                        StandardOpenOption.READ, StandardOpenOption.WRITE); // a shared lock needs READ
                try {
                    if (Files.exists(file) && Files.size(file) >= maxBytes) {
                        try (FileLock exclusive = channel.tryLock()) {
                            if (exclusive != null) {
                                rotate(dir, file, retention);
                            }
                        }
                    }
                    channel.lock(0, Long.MAX_VALUE, true); // waits only while another command rotates
                    held = channel;
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            } catch (IOException e) {
                // Logging must not stop a command: it then appends without rotating.
                System.err.println("bot: cannot rotate " + file + ": " + e.getMessage());
            }
            return file;
        } finally {
            GUARD.unlock();
        }
    }

    /** Gives up this process's hold (after its appender stopped), so others may rotate. */
    static void release() {
        GUARD.lock();
        try {
            if (held != null) {
                try {
                    held.close(); // releases the lock
                } catch (IOException ignored) {
                    // the lock goes with the channel anyway
                }
                held = null;
            }
        } finally {
            GUARD.unlock();
        }
    }

    /** commands.json becomes commands.1.json.gz, 1 becomes 2, ..., the one past {@code retention} goes. */
    private static void rotate(Path dir, Path file, int retention) throws IOException {
        Files.deleteIfExists(rotated(dir, retention));
        for (int i = retention - 1; i >= 1; i--) {
            Path from = rotated(dir, i);
            if (Files.exists(from)) {
                Files.move(from, rotated(dir, i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path partial = dir.resolve(FILE_NAME + ".gz.tmp");
        try (InputStream in = Files.newInputStream(file);
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial))) {
            in.transferTo(out);
        }
        Files.move(partial, rotated(dir, 1), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(file);
    }

    static Path rotated(Path dir, int index) {
        return dir.resolve("commands." + index + ".json.gz");
    }
}
