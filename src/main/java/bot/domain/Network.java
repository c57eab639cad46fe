package bot.domain;

/**
 * Which Binance network a thing belongs to: candles, symbol rules, feeds and prices of the spot
 * testnet are never mixed with production's.
 */
public enum Network {
    PRODUCTION("production"),
    TESTNET("testnet");

    private final String code;

    Network(String code) {
        this.code = code;
    }

    /** The network of an account by its testnet flag. */
    public static Network of(boolean testnet) {
        return testnet ? TESTNET : PRODUCTION;
    }

    /** As stored in the database and shown to users: {@code production} or {@code testnet}. */
    public String code() {
        return code;
    }

    public boolean testnet() {
        return this == TESTNET;
    }

    public static Network parse(String code) {
        for (Network network : values()) {
            if (network.code.equals(code)) {
                return network;
            }
        }
        throw new IllegalArgumentException("unknown network: " + code);
    }
}
