package bot.testing;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Network;
import bot.domain.SymbolRules;
import bot.store.CandleRepository;
import bot.store.SymbolRulesRepository;
import java.math.BigDecimal;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Stored candles and exchange filters for backtests: the real FILUSDT month, and FILUSDT's spot filters. */
public final class BacktestData {

    private BacktestData() {
    }

    /** FILUSDT as Binance spot lists it: price to 0.001, quantity to 0.01, at least 5 USDT an order. */
    public static SymbolRules filUsdt() {
        return new SymbolRules("FILUSDT", "TRADING", "FIL", "USDT", new BigDecimal("0.001"), new BigDecimal("1000"),
                new BigDecimal("0.001"), new BigDecimal("0.01"), new BigDecimal("9000000"), new BigDecimal("0.01"),
                BigDecimal.ZERO, new BigDecimal("1000000"), BigDecimal.ZERO, new BigDecimal("5"), true,
                new BigDecimal("9000000"), false);
    }

    /** February 2023 of FILUSDT 1m (40,320 candles) stored on production, with FILUSDT's filters. */
    public static List<Candle> storeFilUsdtFebruary(Jdbi jdbi) {
        List<Candle> candles = VisionFiles.candles("FILUSDT-1m-2023-02.zip", "FILUSDT", Interval.M1);
        new CandleRepository(jdbi).save(Network.PRODUCTION, candles);
        new SymbolRulesRepository(jdbi).save(Network.PRODUCTION, filUsdt());
        return candles;
    }
}
