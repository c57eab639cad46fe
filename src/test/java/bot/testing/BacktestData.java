package bot.testing;

import bot.app.CandleImport;
import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Network;
import bot.domain.SymbolRules;
import bot.store.CandleRepository;
import bot.store.SymbolRulesRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /**
     * February 2023 of FILUSDT 1m (40,320 candles) imported on production as {@code bot import} does it,
     * with FILUSDT's filters; the candles as the test's own reader ({@link VisionFiles}) reads the file,
     * so that a reference computed from them does not rest on the importer.
     */
    public static List<Candle> storeFilUsdtFebruary(Jdbi jdbi) {
        String file = "FILUSDT-1m-2023-02.zip";
        List<Candle> candles = VisionFiles.candles(file, "FILUSDT", Interval.M1);
        CandleImport.Outcome imported;
        try {
            imported = new CandleImport(new CandleRepository(jdbi), Network.PRODUCTION)
                    .importFile(new CandleImport.Source(VisionFiles.DIR.resolve(file), "FILUSDT", Interval.M1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (imported.refused() || imported.inserted() != candles.size()) {
            throw new IllegalStateException("the import of " + file + " went wrong: " + imported);
        }
        new SymbolRulesRepository(jdbi).save(Network.PRODUCTION, filUsdt());
        return candles;
    }
}
