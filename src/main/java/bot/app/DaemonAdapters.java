package bot.app;

/**
 * The daemon's outside world, swappable as a whole: where candles come from, the exchange rules,
 * and the live order gateway. Tests pass fakes; {@link DefaultAdapters} builds the real ones.
 */
public record DaemonAdapters(MarketFeedFactory feeds, SymbolRulesFactory symbolRules, GatewayFactory liveGateways) {
}
