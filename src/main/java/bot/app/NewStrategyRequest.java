package bot.app;

/**
 * What a person asked {@code bot add-strategy} for, as typed. {@code config} is the parameters'
 * JSON (null for none) and {@code configField} the option it came from, for error messages.
 */
public record NewStrategyRequest(String name, String account, String kind, String symbol, String interval,
                                 String mode, String config, String configField, boolean enabled) {
}
