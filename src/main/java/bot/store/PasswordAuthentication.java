package bot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Turns a freshly initialised server's "trust" authentication into password authentication:
 * sets the superuser's password, then makes pg_hba.conf ask for it on every connection.
 */
final class PasswordAuthentication {
    /**
     * The password itself, over loopback only (listen_addresses=localhost, no Unix socket), checked
     * by the server against its SCRAM verifier. SCRAM's handshake would keep the password off the
     * wire, but its 4096 PBKDF2 rounds cost a freshly started JVM over a second per connection,
     * and reading loopback traffic already takes root.
     */
    static final String METHOD = "password";

    private PasswordAuthentication() {
    }

    static void require(Path dataDir, int port, String user, String password) throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba);
        boolean trusting = lines.stream().anyMatch(PasswordAuthentication::trusts);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", user,
                password); Statement s = c.createStatement()) {
            if (trusting) {
                // The password travels as SQL here, once, over loopback; it is never logged.
                s.execute("alter user " + user + " password '" + password.replace("'", "''") + "'");
                Files.write(hba, lines.stream().map(l -> trusts(l) ? l.replaceAll("\\btrust\\s*$", METHOD) : l)
                        .toList());
                s.execute("select pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IOException("cannot set up password authentication: " + e.getMessage(), e);
        }
    }

    private static boolean trusts(String line) {
        String l = line.strip();
        return !l.startsWith("#") && l.matches(".*\\strust$");
    }
}
