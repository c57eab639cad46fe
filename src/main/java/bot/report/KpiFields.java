package bot.report;

import java.util.List;

/** The fields of a report row in output order, shared by the JSON and CSV writers. */
final class KpiFields {
    static final List<KpiField<Kpis>> NAME = List.of(
            new KpiField<>("strategy", Kpis::strategy),
            new KpiField<>("mode", k -> k.mode() == null ? null : k.mode().code()),
            new KpiField<>("symbol", Kpis::symbol));

    static final List<KpiField<Kpis>> STATS = List.of(
            new KpiField<>("trades", Kpis::trades),
            new KpiField<>("wins", Kpis::wins),
            new KpiField<>("losses", Kpis::losses),
            new KpiField<>("breakeven", Kpis::breakeven),
            new KpiField<>("winRate", Kpis::winRate),
            new KpiField<>("grossProfit", Kpis::grossProfit),
            new KpiField<>("grossLoss", Kpis::grossLoss),
            new KpiField<>("netProfit", Kpis::netProfit),
            new KpiField<>("fees", Kpis::fees),
            new KpiField<>("otherFees", Kpis::otherFees),
            new KpiField<>("netProfitExcludes", Kpis::netProfitExcludes),
            new KpiField<>("profitFactor", Kpis::profitFactor),
            new KpiField<>("expectancy", Kpis::expectancy),
            new KpiField<>("expectancyRatio", Kpis::expectancyRatio),
            new KpiField<>("avgDuration", Kpis::avgDuration),
            new KpiField<>("best", Kpis::best),
            new KpiField<>("worst", Kpis::worst),
            new KpiField<>("maxDrawdown", Kpis::maxDrawdown),
            new KpiField<>("maxDrawdownPct", Kpis::maxDrawdownPct),
            new KpiField<>("maxDrawdownStart", Kpis::maxDrawdownStart),
            new KpiField<>("maxDrawdownEnd", Kpis::maxDrawdownEnd),
            new KpiField<>("sharpe", Kpis::sharpe),
            new KpiField<>("sortino", Kpis::sortino));

    static final List<KpiField<Kpis>> OPEN_SUMMARY = List.of(
            new KpiField<>("openPositions", Kpis::openPositions),
            new KpiField<>("unrealizedPnl", Kpis::unrealizedPnl),
            new KpiField<>("unrealizedPnlExcludes", Kpis::unrealizedPnlExcludes));

    static final List<KpiField<OpenPosition>> OPEN_POSITION = List.of(
            new KpiField<>("symbol", OpenPosition::symbol),
            new KpiField<>("qty", OpenPosition::qty),
            new KpiField<>("entryPrice", OpenPosition::entryPrice),
            new KpiField<>("entryValue", OpenPosition::entryValue),
            new KpiField<>("openedAt", OpenPosition::openedAt),
            new KpiField<>("lastPrice", OpenPosition::lastPrice),
            new KpiField<>("lastPriceTime", OpenPosition::lastPriceTime),
            new KpiField<>("unrealizedPnl", OpenPosition::unrealizedPnl),
            new KpiField<>("unrealizedPnlExcludes", OpenPosition::unvaluedEntryFees));

    static final List<KpiField<Kpis>> TIMES = List.of(
            new KpiField<>("firstTrade", Kpis::firstTrade),
            new KpiField<>("lastTrade", Kpis::lastTrade));

    private KpiFields() {
    }
}
