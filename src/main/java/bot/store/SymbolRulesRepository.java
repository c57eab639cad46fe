package bot.store;

import bot.domain.Network;
import bot.domain.SymbolRules;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The exchange filters last fetched for each network and symbol (table symbol_rules). */
public final class SymbolRulesRepository {
    private final Jdbi jdbi;

    public SymbolRulesRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void save(Network network, SymbolRules r) {
        jdbi.useHandle(h -> h.createUpdate("""
                insert into symbol_rules (network, symbol, status, base_asset, quote_asset, min_price, max_price,
                       tick_size, min_qty, max_qty, step_size, market_min_qty, market_max_qty, market_step_size,
                       min_notional, apply_min_notional_to_market, max_notional, apply_max_notional_to_market, fetched_at)
                values (:network, :symbol, :status, :baseAsset, :quoteAsset, :minPrice, :maxPrice, :tickSize, :minQty,
                       :maxQty, :stepSize, :marketMinQty, :marketMaxQty, :marketStepSize, :minNotional,
                       :applyMinNotionalToMarket, :maxNotional, :applyMaxNotionalToMarket, now())
                on conflict (network, symbol) do update set status = excluded.status,
                       base_asset = excluded.base_asset, quote_asset = excluded.quote_asset,
                       min_price = excluded.min_price, max_price = excluded.max_price, tick_size = excluded.tick_size,
                       min_qty = excluded.min_qty, max_qty = excluded.max_qty, step_size = excluded.step_size,
                       market_min_qty = excluded.market_min_qty, market_max_qty = excluded.market_max_qty,
                       market_step_size = excluded.market_step_size, min_notional = excluded.min_notional,
                       apply_min_notional_to_market = excluded.apply_min_notional_to_market,
                       max_notional = excluded.max_notional,
                       apply_max_notional_to_market = excluded.apply_max_notional_to_market, fetched_at = now()""")
                .bind("network", network.code())
                .bindMethods(r)
                .execute());
    }

    public Optional<SymbolRules> find(Network network, String symbol) {
        return jdbi.withHandle(h -> h.createQuery("""
                select symbol, status, base_asset, quote_asset, min_price, max_price, tick_size, min_qty, max_qty,
                       step_size, market_min_qty, market_max_qty, market_step_size, min_notional,
                       apply_min_notional_to_market, max_notional, apply_max_notional_to_market
                from symbol_rules where network = :network and symbol = :symbol""")
                .bind("network", network.code())
                .bind("symbol", symbol)
                .map((rs, ctx) -> new SymbolRules(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12),
                        rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getBoolean(15), rs.getBigDecimal(16),
                        rs.getBoolean(17)))
                .findOne());
    }
}
