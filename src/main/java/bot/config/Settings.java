package bot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The bot's settings, validated; relative paths are resolved against BOT_HOME. */
public final class Settings {
    /** Files kept at most with size rotation (logback's FixedWindowRollingPolicy refuses more). */
    public static final int MAX_SIZE_RETENTION = 20;
    private final Path home;
    private final Map<SettingKey, String> values;

    Settings(Path home, Map<SettingKey, String> values) {
        this.home = home.toAbsolutePath().normalize();
        this.values = Map.copyOf(values);
    }

    public String get(SettingKey key) {
        return values.get(key);
    }

    public Path home() {
        return home;
    }

    public Path varDir() {
        return home.resolve("var");
    }

    public Path pgDataDir() {
        return varDir().resolve("pgdata");
    }

    public Path pluginsDir() {
        return home.resolve("plugins");
    }

    public Optional<String> dbUrl() {
        return optional(SettingKey.BOT_DB_URL);
    }

    public String dbUser() {
        return get(SettingKey.BOT_DB_USER);
    }

    public String dbPassword() {
        return get(SettingKey.BOT_DB_PASSWORD);
    }

    public Optional<String> masterKey() {
        return optional(SettingKey.BOT_MASTER_KEY);
    }

    public Optional<Path> masterKeyFile() {
        return optional(SettingKey.BOT_MASTER_KEY_FILE).map(home::resolve);
    }

    public Path logDir() {
        return home.resolve(get(SettingKey.BOT_LOG_DIR));
    }

    public String logLevel() {
        return get(SettingKey.BOT_LOG_LEVEL).toUpperCase(Locale.ROOT);
    }

    public boolean logRotationBySize() {
        return "size".equals(get(SettingKey.BOT_LOG_ROTATION));
    }

    public long logMaxSizeBytes() {
        return ByteSize.parse(get(SettingKey.BOT_LOG_MAX_SIZE));
    }

    public int logRetention() {
        return Integer.parseInt(get(SettingKey.BOT_LOG_RETENTION));
    }

    /** REST base URL: the setting, else production or testnet. */
    public String binanceRestUrl(boolean testnet) {
        return optional(SettingKey.BOT_BINANCE_REST_URL)
                .orElse(testnet ? "https://testnet.binance.vision" : "https://api.binance.com");
    }

    /** Market stream base URL: the setting, else production or testnet. */
    public String binanceWsUrl(boolean testnet) {
        return optional(SettingKey.BOT_BINANCE_WS_URL)
                .orElse(testnet ? "wss://stream.testnet.binance.vision" : "wss://stream.binance.com:9443");
    }

    /** The webhook notices are POSTed to; empty: none. */
    public String notifyUrl() {
        return get(SettingKey.BOT_NOTIFY_URL);
    }

    /** The Telegram bot's token; empty: no Telegram notices. */
    public String telegramToken() {
        return get(SettingKey.BOT_TELEGRAM_TOKEN);
    }

    public String telegramChat() {
        return get(SettingKey.BOT_TELEGRAM_CHAT);
    }

    public String telegramUrl() {
        return optional(SettingKey.BOT_TELEGRAM_URL).orElse(SettingKey.BOT_TELEGRAM_URL.defaultValue());
    }

    /** How long a strategy's lease lasts unrenewed (BOT_LEASE_TTL). */
    public Duration leaseTtl() {
        return SettingKey.duration(get(SettingKey.BOT_LEASE_TTL));
    }

    /** host:port the monitoring HTTP server listens on; empty when it is turned off. */
    public Optional<String> httpAddress() {
        return optional(SettingKey.BOT_HTTP_ADDRESS);
    }

    /** The HTTP server's bearer token; empty when none is set. */
    public Optional<String> httpToken() {
        return optional(SettingKey.BOT_HTTP_TOKEN).map(String::strip);
    }

    private Optional<String> optional(SettingKey key) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
