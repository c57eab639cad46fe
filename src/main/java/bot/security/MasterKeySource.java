package bot.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where the master key comes from, in this order: the key itself ({@code BOT_MASTER_KEY}, base64),
 * the file {@code BOT_MASTER_KEY_FILE}, systemd's {@code $CREDENTIALS_DIRECTORY/master.key}, else
 * the default file (var/secret/master.key), which is created with 32 random bytes the first time a
 * credential is encrypted. A key file holds the 32 bytes raw or in base64; one that anyone but its
 * owner may read or write is refused.
 */
public final class MasterKeySource {
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
    private static final int MAX_FILE_BYTES = 4096;

    private final String base64;
    private final Path file;
    private final String description;
    private final boolean createOnFirstUse;

    private MasterKeySource(String base64, Path file, String description, boolean createOnFirstUse) {
        this.base64 = base64;
        this.file = file;
        this.description = description;
        this.createOnFirstUse = createOnFirstUse;
    }

    /**
     * @param base64               BOT_MASTER_KEY, when set
     * @param keyFile              BOT_MASTER_KEY_FILE, when set
     * @param credentialsDirectory systemd's CREDENTIALS_DIRECTORY, when set
     * @param defaultFile          the file used (and created) when none of the above is set
     */
    public static MasterKeySource of(Optional<String> base64, Optional<Path> keyFile,
                                     Optional<String> credentialsDirectory, Path defaultFile) {
        if (base64.isPresent()) {
            return new MasterKeySource(base64.get(), null, "BOT_MASTER_KEY", false);
        }
        if (keyFile.isPresent()) {
            return new MasterKeySource(null, keyFile.get(), "BOT_MASTER_KEY_FILE (" + keyFile.get() + ")", false);
        }
        if (credentialsDirectory.isPresent()) {
            Path path = Path.of(credentialsDirectory.get(), "master.key");
            return new MasterKeySource(null, path, "$CREDENTIALS_DIRECTORY/master.key (" + path + ")", false);
        }
        return new MasterKeySource(null, defaultFile, "file " + defaultFile, true);
    }

    /** Where the key comes from, for messages. */
    public String description() {
        return description;
    }

    /** The key, for decrypting: never creates a file. */
    public MasterKey load() {
        if (base64 != null) {
            return new MasterKey(decodeBase64(base64.trim()), MasterKey.CURRENT_VERSION, description);
        }
        if (!Files.exists(file)) {
            throw new MasterKeyException("master key " + description + " does not exist"
                    + (createOnFirstUse ? " (it is created when the first account with keys is added)" : ""));
        }
        return readFile();
    }

    /** The key, for encrypting: the default file is created on first use. */
    public MasterKey loadOrCreate() {
        if (createOnFirstUse && !Files.exists(file)) {
            create();
        }
        return load();
    }

    private MasterKey readFile() {
        if (!Files.isRegularFile(file)) {
            throw new MasterKeyException("master key " + description + " is not a regular file");
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        byte[] content;
        try {
            if (view != null) {
                Set<PosixFilePermission> permissions = view.readAttributes().permissions();
                if (permissions.stream().anyMatch(NOT_OWNER::contains)) {
                    throw new MasterKeyException("master key " + description + " can be read or written by others"
                            + " (mode " + PosixFilePermissions.toString(permissions) + "); refusing to use it,"
                            + " make it private with: chmod 600 " + file);
                }
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new MasterKeyException("master key " + description + " is too large to be a key");
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MasterKeyException("cannot read master key " + description + ": " + e.getMessage());
        }
        if (content.length == MasterKey.LENGTH) {
            return new MasterKey(content, MasterKey.CURRENT_VERSION, description);
        }
        return new MasterKey(decodeBase64(new String(content, StandardCharsets.US_ASCII).trim()),
                MasterKey.CURRENT_VERSION, description);
    }

    private byte[] decodeBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MasterKeyException("master key " + description + " must be " + MasterKey.LENGTH
                    + " bytes, raw or in base64; it is neither");
        }
        if (bytes.length != MasterKey.LENGTH) {
            throw new MasterKeyException("master key " + description + " must be " + MasterKey.LENGTH
                    + " bytes, raw or in base64; it decodes to " + bytes.length + " bytes");
        }
        return bytes;
    }

    /**
     * Writes a fresh key to a private temporary file and links it into place: the link fails if
     * another process created the key meanwhile, so a key in use is never replaced.
     */
    private void create() {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir.getParent());
            boolean posix = Files.getFileAttributeView(dir.getParent(), PosixFileAttributeView.class) != null;
            if (!Files.isDirectory(dir)) {
                try {
                    Files.createDirectory(dir);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it: fine
                }
            }
            if (posix) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                temp = Files.createTempFile(dir, ".master", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                temp = Files.createTempFile(dir, ".master", ".tmp");
            }
            byte[] key = new byte[MasterKey.LENGTH];
            new SecureRandom().nextBytes(key);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(key));
                channel.force(true);
            }
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raced) {
                // another process created the key first: use theirs
            }
        } catch (IOException e) {
            throw new MasterKeyException("cannot create master key " + description + ": " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless: it is private and unused
                }
            }
        }
    }
}
