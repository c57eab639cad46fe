package bot.risk;

import java.util.Locale;

/** What a limit, a halt or a trip applies to: one strategy, one account (all its strategies), or everything. */
public record Scope(Kind kind, String name) {

    public enum Kind {
        STRATEGY, ACCOUNT, ALL;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind ofCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public static final Scope ALL = new Scope(Kind.ALL, "*");

    public static Scope strategy(String name) {
        return new Scope(Kind.STRATEGY, name);
    }

    public static Scope account(String name) {
        return new Scope(Kind.ACCOUNT, name);
    }

    @Override
    public String toString() {
        return kind == Kind.ALL ? "all" : kind.code() + " " + name;
    }
}
