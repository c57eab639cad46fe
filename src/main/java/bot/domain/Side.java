package bot.domain;

public enum Side {
    BUY,
    SELL
}
