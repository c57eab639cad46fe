package bot.web;

import bot.store.DashboardQueries.StrategyRow;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A strategy's card as {@code /api/strategies} gives it: decimals as exact strings, n/a as null. */
final class StrategyView {
    private StrategyView() {
    }

    /** The stream a strategy trades on, as the daemon names it. */
    static String stream(StrategyRow s) {
        return (s.testnet() ? "testnet" : "production") + "/" + s.symbol() + "@" + s.interval();
    }

    static Map<String, Object> of(StrategyRow s, String state, BigDecimal streamClose, RealizedPnl.Total realized,
                                  JsonNode kpis) {
        BotMetrics.Valuation v = BotMetrics.Valuation.of(s, streamClose);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", s.name());
        card.put("kind", s.kind());
        card.put("symbol", s.symbol());
        card.put("interval", s.interval());
        card.put("mode", s.mode());
        card.put("enabled", s.enabled());
        card.put("state", state);
        card.put("position", text(s.positionQty() == null ? BigDecimal.ZERO : s.positionQty()));
        card.put("entryPrice", text(s.entryPrice()));
        card.put("lastPrice", text(v.price()));
        card.put("positionValue", text(v.value()));
        card.put("unrealizedPnl", text(v.unrealized()));
        card.put("realizedPnl", text(realized.netPnl()));
        card.put("realizedPnlToday", text(s.realizedToday()));
        card.put("trades", realized.trades());
        card.put("kpis", kpis);
        return card;
    }

    static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
