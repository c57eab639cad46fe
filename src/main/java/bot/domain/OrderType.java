package bot.domain;

public enum OrderType {
    MARKET,
    LIMIT
}
