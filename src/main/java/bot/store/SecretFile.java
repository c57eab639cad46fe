package bot.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/** A random secret kept in a file only its owner can read (0600 in a 0700 folder). */
final class SecretFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFile() {
    }

    /** The secret in {@code file}, made (32 random bytes, base64) when there is none yet. */
    static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Path dir = file.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            try {
                Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY)),
                        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException e) {
                // another process made it first: use theirs
            }
        }
        if (!OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            throw new IOException(file + " can be read by other users; chmod 600 it");
        }
        String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (secret.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        return secret;
    }
}
