package bot.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Sharpe and Sortino ratios of daily returns, annualised with sqrt(365) (crypto trades every day),
 * with a risk-free rate and a target of 0. Null, not 0 or infinity, when undefined: fewer than two
 * days, no variation (Sharpe) or no losing day (Sortino).
 */
final class DailyRatios {
    private static final double ANNUAL = Math.sqrt(365);

    private DailyRatios() {
    }

    /** mean / sample standard deviation x sqrt(365). */
    static BigDecimal sharpe(double[] returns) {
        if (returns.length < 2) {
            return null;
        }
        double mean = mean(returns);
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        return ratio(mean, Math.sqrt(squares / (returns.length - 1)));
    }

    /** mean / downside deviation x sqrt(365), downside deviation = sqrt(sum(min(r, 0)^2) / n). */
    static BigDecimal sortino(double[] returns) {
        if (returns.length < 2) {
            return null;
        }
        double squares = 0;
        for (double r : returns) {
            double down = Math.min(r, 0);
            squares += down * down;
        }
        return ratio(mean(returns), Math.sqrt(squares / returns.length));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static BigDecimal ratio(double mean, double deviation) {
        double value = mean / deviation * ANNUAL;
        if (deviation == 0 || !Double.isFinite(value)) {
            return null;
        }
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    }
}
