package bot.engine;

import bot.domain.SymbolRules;
import java.util.Optional;

/** The exchange's current rules for a symbol (exchangeInfo, kept fresh by the implementation). */
public interface SymbolRulesSource {

    /** The rules, or empty when the exchange does not list the symbol. */
    Optional<SymbolRules> rules(String symbol);
}
