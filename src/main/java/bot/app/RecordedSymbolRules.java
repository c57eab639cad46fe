package bot.app;

import bot.domain.Network;
import bot.domain.SymbolRules;
import bot.engine.SymbolRulesSource;
import bot.store.SymbolRulesRepository;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exchange filters as the exchange answers them, each symbol's stored (table symbol_rules) the first
 * time this process sees them and whenever they change, so that a backtest finds them offline. A
 * failure to store is only a warning: trading never waits on it.
 */
final class RecordedSymbolRules implements SymbolRulesSource {
    private static final Logger log = LoggerFactory.getLogger(RecordedSymbolRules.class);

    private final SymbolRulesSource exchange;
    private final Network network;
    private final SymbolRulesRepository store;
    private final ConcurrentMap<String, SymbolRules> stored = new ConcurrentHashMap<>();

    RecordedSymbolRules(SymbolRulesSource exchange, Network network, SymbolRulesRepository store) {
        this.exchange = exchange;
        this.network = network;
        this.store = store;
    }

    @Override
    public Optional<SymbolRules> rules(String symbol) {
        Optional<SymbolRules> rules = exchange.rules(symbol);
        rules.ifPresent(this::keep);
        return rules;
    }

    private void keep(SymbolRules rules) {
        if (rules.equals(stored.get(rules.symbol()))) {
            return;
        }
        try {
            store.save(network, rules);
            stored.put(rules.symbol(), rules);
        } catch (RuntimeException e) {
            log.warn("exchange filters of {} not stored (a backtest offline will lack them): {}", rules.symbol(),
                    e.getMessage());
        }
    }
}
