package bot.strategy;

import java.util.List;

/**
 * A kind of strategy, discovered with {@link java.util.ServiceLoader}: built-in ones are listed in
 * {@code META-INF/services/bot.strategy.StrategyKind}, and a plugin jar can add more the same way.
 */
public interface StrategyKind {

    /** The name users give to {@code --kind}, e.g. {@code mean_reversion}. */
    String name();

    /** Every parameter it accepts, the common ones included. */
    List<ParameterSpec> parameters();

    /** A fresh instance; {@code parameters} were validated against {@link #parameters()}. */
    Strategy create(StrategyParameters parameters);

    default StrategyParameters validate(java.util.Map<String, String> raw) {
        return ParameterValidator.validate(parameters(), raw);
    }
}
