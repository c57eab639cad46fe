package bot.config;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/** Every setting of interface.md, with its default and the check its value must pass. */
public enum SettingKey {
    /** A secret: its URL may carry a password (password=..., or user:password@). */
    BOT_DB_URL("", SettingKey::jdbcUrl, true),
    BOT_DB_USER("", v -> null, false),
    BOT_DB_PASSWORD("", v -> null, true),
    BOT_MASTER_KEY_FILE("", v -> null, false),
    BOT_MASTER_KEY("", SettingKey::base64, true),
    BOT_LOG_DIR("var/log", v -> v.isEmpty() ? "must not be empty" : null, false),
    BOT_LOG_LEVEL("INFO", SettingKey::logLevel, false),
    BOT_LOG_ROTATION("daily", v -> Set.of("daily", "size").contains(v) ? null : "must be daily or size", false),
    BOT_LOG_MAX_SIZE("10MB", v -> ByteSize.problem(v), false),
    /** At most 10,000 (years of daily files); at most 20 with size rotation (checked with BOT_LOG_ROTATION). */
    BOT_LOG_RETENTION("14", v -> wholeNumber(v, 1, 10_000), false),
    BOT_BINANCE_REST_URL("", v -> url(v, "http", "https"), false),
    BOT_BINANCE_WS_URL("", v -> url(v, "ws", "wss"), false),
    /** A secret: a webhook URL often carries its own token (Slack, Discord). */
    BOT_NOTIFY_URL("", v -> url(v, "http", "https"), true),
    BOT_TELEGRAM_TOKEN("", v -> v.matches("[0-9]+:[A-Za-z0-9_-]+") ? null
            : "must be a Telegram bot token (digits, a colon, then letters, digits, _ or -)", true),
    BOT_TELEGRAM_CHAT("", v -> v.matches("-?[0-9]+|@[A-Za-z0-9_]{4,}") ? null
            : "must be a chat id (a number) or @channelname", false),
    /** Telegram's Bot API base URL; a test points it at a fake receiver. */
    BOT_TELEGRAM_URL("https://api.telegram.org", v -> url(v, "http", "https"), false),
    /** How long a strategy's lease lasts unrenewed: a dead instance's strategies are taken over after it. */
    BOT_LEASE_TTL("10s", SettingKey::leaseTtl, false),
    /** host:port of the monitoring HTTP server; empty turns it off. */
    BOT_HTTP_ADDRESS("127.0.0.1:8350", SettingKey::hostAndPort, false),
    /** The bearer token the HTTP server asks for; required when it listens beyond loopback. */
    BOT_HTTP_TOKEN("", v -> v.strip().length() < 16 ? "must be at least 16 characters" : null, true);

    private final String defaultValue;
    private final Check check;
    private final boolean secret;

    SettingKey(String defaultValue, Check check, boolean secret) {
        this.defaultValue = defaultValue;
        this.check = check;
        this.secret = secret;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** A secret may come from the file or the environment, never from a command-line argument. */
    public boolean isSecret() {
        return secret;
    }

    /** What is wrong with {@code value}, or null when it is acceptable. Empty means "default". */
    String problem(String value) {
        return value.isEmpty() ? null : check.problem(value);
    }

    public static SettingKey find(String name) {
        for (SettingKey key : values()) {
            if (key.name().equals(name)) {
                return key;
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface Check {
        String problem(String value);
    }

    private static String jdbcUrl(String value) {
        return value.startsWith("jdbc:postgresql:") ? null : "must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db)";
    }

    private static String base64(String value) {
        try {
            int length = Base64.getDecoder().decode(value.trim()).length;
            return length == 32 ? null : "must be 32 bytes in base64, got " + length + " bytes";
        } catch (IllegalArgumentException e) {
            return "is not valid base64";
        }
    }

    private static String logLevel(String value) {
        return Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(value.toUpperCase(Locale.ROOT))
                ? null : "must be one of TRACE, DEBUG, INFO, WARN, ERROR";
    }

    private static String wholeNumber(String value, int min, int max) {
        String problem = "must be a whole number from " + min + " to " + max;
        if (!value.matches("[0-9]{1,9}")) { // no sign, and few enough digits to parse
            return problem;
        }
        int n = Integer.parseInt(value);
        return n >= min && n <= max ? null : problem;
    }

    /** A duration such as 8s or 1500ms, from 500ms (renewed every quarter of it) to 300s. */
    static Duration duration(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,6})(ms|s)").matcher(value);
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMillis(n);
    }

    private static String leaseTtl(String value) {
        Duration ttl = duration(value);
        return ttl != null && ttl.toMillis() >= 500 && ttl.toSeconds() <= 300 ? null
                : "must be a duration from 500ms to 300s, e.g. 8s or 1500ms";
    }

    private static String hostAndPort(String value) {
        String problem = "must be host:port (e.g. 127.0.0.1:8350), or empty to turn the server off";
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || !value.substring(colon + 1).matches("[0-9]{1,5}")) {
            return problem;
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") != host.endsWith("]") || host.isBlank()) {
            return problem;
        }
        return Integer.parseInt(value.substring(colon + 1)) <= 65535 ? null : problem;
    }

    private static String url(String value, String... schemes) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !Set.of(schemes).contains(uri.getScheme())) {
                return "must be a " + String.join(" or ", schemes) + " URL with a host";
            }
            return null;
        } catch (Exception e) {
            return "is not a valid URL";
        }
    }
}
