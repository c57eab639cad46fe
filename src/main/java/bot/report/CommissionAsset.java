package bot.report;

/**
 * Where a commission asset stands in a Binance symbol, which is always base asset + quote asset
 * ({@code BTCUSDT} = BTC + USDT): an asset that ends the symbol is the quote asset, one that starts
 * it the base asset, any other (BNB) a third asset. A missing asset counts as the quote asset, the
 * one paper fills charge.
 */
public enum CommissionAsset {
    QUOTE,
    BASE,
    OTHER;

    public static CommissionAsset of(String symbol, String asset) {
        if (asset == null || asset.isEmpty() || symbol.endsWith(asset)) {
            return QUOTE;
        }
        return symbol.startsWith(asset) ? BASE : OTHER;
    }
}
