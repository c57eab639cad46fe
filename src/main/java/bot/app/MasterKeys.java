package bot.app;

import bot.config.Settings;
import bot.security.MasterKeySource;
import java.util.Map;
import java.util.Optional;

/** Where the master key comes from for a command: the settings, then systemd's credential, then var/secret. */
public final class MasterKeys {

    private MasterKeys() {
    }

    /** @param environment the process environment (for systemd's CREDENTIALS_DIRECTORY) */
    public static MasterKeySource source(Settings settings, Map<String, String> environment) {
        Optional<String> credentials = Optional.ofNullable(environment.get("CREDENTIALS_DIRECTORY"))
                .filter(dir -> !dir.isEmpty());
        return MasterKeySource.of(settings.masterKey(), settings.masterKeyFile(), credentials,
                settings.varDir().resolve("secret").resolve("master.key"));
    }
}
