package bot.report;

import java.util.function.Function;

/** A named value of a report row, as the JSON and CSV outputs spell it; null means n/a. */
record KpiField<T>(String name, Function<T, Object> value) {

    Object of(T row) {
        return value.apply(row);
    }
}
