/**
 * Binance's REST transport, shared by the adapters that call it ({@code market}: klines, time,
 * exchangeInfo; {@code execution}: orders, lookups, account): one {@link bot.rest.RestHost} per
 * host for the whole process, with the one {@link bot.rest.RequestBudget} of request weight that
 * Binance counts per IP. The adapters still never call each other; both depend on this package,
 * which depends only on {@code engine}'s interfaces. Wired once in {@code app}.
 */
package bot.rest;
