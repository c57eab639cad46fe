package bot.domain;

import java.util.Locale;

/** Where a strategy's orders go: simulated fills or the real exchange. */
public enum Mode {
    PAPER,
    LIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode parse(String code) {
        for (Mode mode : values()) {
            if (mode.code().equals(code)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + code + "', expected paper or live");
    }
}
