package bot.backtest;

import bot.report.Kpis;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** A KPI a sweep ranks by, best first: higher is better but for the drawdowns; n/a ranks last. */
public enum SweepRank {
    NET_PROFIT("netProfit", Kpis::netProfit, true),
    WIN_RATE("winRate", Kpis::winRate, true),
    PROFIT_FACTOR("profitFactor", Kpis::profitFactor, true),
    EXPECTANCY("expectancy", Kpis::expectancy, true),
    EXPECTANCY_RATIO("expectancyRatio", Kpis::expectancyRatio, true),
    SHARPE("sharpe", Kpis::sharpe, true),
    SORTINO("sortino", Kpis::sortino, true),
    TRADES("trades", k -> BigDecimal.valueOf(k.trades()), true),
    MAX_DRAWDOWN("maxDrawdown", Kpis::maxDrawdown, false),
    MAX_DRAWDOWN_PCT("maxDrawdownPct", Kpis::maxDrawdownPct, false);

    private final String field;
    private final Function<Kpis, BigDecimal> value;
    private final boolean higherIsBetter;

    SweepRank(String field, Function<Kpis, BigDecimal> value, boolean higherIsBetter) {
        this.field = field;
        this.value = value;
        this.higherIsBetter = higherIsBetter;
    }

    /** The report's JSON field name. */
    public String field() {
        return field;
    }

    public BigDecimal of(Kpis kpis) {
        return value.apply(kpis);
    }

    /** Best first, n/a last. */
    public Comparator<Kpis> order() {
        Comparator<BigDecimal> values = higherIsBetter ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(value, Comparator.nullsLast(values));
    }

    /** @throws IllegalArgumentException listing the KPIs it knows */
    public static SweepRank parse(String name) {
        for (SweepRank rank : values()) {
            if (rank.field.toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return rank;
            }
        }
        StringBuilder known = new StringBuilder();
        for (SweepRank rank : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(rank.field);
        }
        throw new IllegalArgumentException("unknown KPI '" + name + "'; one of " + known);
    }
}
