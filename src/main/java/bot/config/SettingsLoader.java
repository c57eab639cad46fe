package bot.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads settings with the precedence default &lt; file &lt; environment &lt; command-line override.
 * The file is KEY=value lines, as a systemd EnvironmentFile: comments start with #, values may be
 * quoted. An unknown key in the file or an override is refused; unknown environment variables are
 * not ours to judge and are ignored.
 */
public final class SettingsLoader {

    private SettingsLoader() {
    }

    /**
     * @param botHome   the folder holding conf/ and var/
     * @param file      the settings file; a missing default file is fine, a missing explicit one is not
     * @param explicit  whether {@code file} was named by the user (--config)
     */
    public static Settings load(Path botHome, Path file, boolean explicit, Map<String, String> environment,
                                Map<String, String> overrides) {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            values.put(key, key.defaultValue());
        }
        Map<SettingKey, String> sources = new EnumMap<>(SettingKey.class);
        if (Files.exists(file)) {
            readFile(file, values, sources);
        } else if (explicit) {
            throw new SettingsException("--config: file " + file + " does not exist");
        }
        for (SettingKey key : SettingKey.values()) {
            String value = environment.get(key.name());
            if (value != null) {
                put(values, sources, key, value, "environment variable " + key.name());
            }
        }
        overrides.forEach((name, value) -> {
            SettingKey key = SettingKey.find(name);
            if (key == null) {
                throw new SettingsException("--set: unknown setting " + name);
            }
            if (key.isSecret()) {
                throw new SettingsException("--set: " + name + " is a secret and may not be given as an argument;"
                        + " put it in the settings file or the environment");
            }
            put(values, sources, key, value, "--set " + name);
        });
        checkTogether(values);
        return new Settings(botHome, values);
    }

    /** Checks that depend on two settings. */
    private static void checkTogether(Map<SettingKey, String> values) {
        if (values.get(SettingKey.BOT_TELEGRAM_TOKEN).isEmpty() != values.get(SettingKey.BOT_TELEGRAM_CHAT).isEmpty()) {
            throw new SettingsException("BOT_TELEGRAM_CHAT: Telegram notifications need both BOT_TELEGRAM_TOKEN"
                    + " and BOT_TELEGRAM_CHAT; set both or neither");
        }
        if ("size".equals(values.get(SettingKey.BOT_LOG_ROTATION))) {
            int retention = Integer.parseInt(values.get(SettingKey.BOT_LOG_RETENTION));
            if (retention > Settings.MAX_SIZE_RETENTION) {
                throw new SettingsException("BOT_LOG_RETENTION: at most " + Settings.MAX_SIZE_RETENTION
                        + " files can be kept with BOT_LOG_ROTATION=size, got " + retention);
            }
        }
    }

    private static void readFile(Path file, Map<SettingKey, String> values, Map<SettingKey, String> sources) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SettingsException("cannot read settings file " + file + ": " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new SettingsException(where + ": expected KEY=value, got '" + line + "'");
            }
            String name = line.substring(0, eq).strip();
            SettingKey key = SettingKey.find(name);
            if (key == null) {
                throw new SettingsException(where + ": unknown setting " + name);
            }
            put(values, sources, key, unquote(line.substring(eq + 1).strip(), where), where + " (" + name + ")");
        }
    }

    private static void put(Map<SettingKey, String> values, Map<SettingKey, String> sources, SettingKey key,
                            String value, String source) {
        String problem = key.problem(value);
        if (problem != null) {
            // A secret's value is never echoed, not even in an error.
            String shown = key.isSecret() ? "" : " '" + value + "'";
            throw new SettingsException(source.startsWith("environment") || source.startsWith("--set")
                    ? source + ":" + shown + " " + problem
                    : source + ": " + key.name() + shown + " " + problem);
        }
        values.put(key, value);
        sources.put(key, source);
    }

    private static String unquote(String value, String where) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            char quote = value.charAt(0);
            if (value.charAt(value.length() - 1) != quote) {
                throw new SettingsException(where + ": unterminated quote");
            }
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
