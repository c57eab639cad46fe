package bot.strategy;

public enum ParameterType {
    DECIMAL,
    INTEGER
}
