package bot.domain;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Many closed candles of one symbol and interval, oldest first, kept as columns of numbers instead
 * of objects: each decimal as its unscaled value and scale (the rare one too wide for a long as
 * itself). A year of 1m candles takes about 40 MB in a few arrays the garbage collector never has
 * to trace or copy piece by piece, where as {@link Candle}s it took three times that in millions of
 * objects, and their copying was most of a backtest's time. {@link #get} builds the candle when it
 * is asked for; exact, the scale included. Immutable, so it is shared between threads as it is;
 * {@link #subList} and {@link #join} make views on the same columns (a read in parts is never
 * copied into one).
 */
public final class CandleSeries extends AbstractList<Candle> implements RandomAccess {
    /** The decimal columns, in {@link Candle}'s order. */
    public static final int OPEN = 0;
    public static final int HIGH = 1;
    public static final int LOW = 2;
    public static final int CLOSE = 3;
    public static final int VOLUME = 4;
    public static final int QUOTE_VOLUME = 5;
    private static final int DECIMALS = 6;

    private final String symbol;
    private final Interval interval;
    private final Chunk[] chunks;
    private final int[] starts; // the index of each chunk's first candle
    private final int size;

    /** Candles {@code from} to {@code from + size - 1} of {@code columns}. */
    private record Chunk(Columns columns, int from, int size) {
    }

    private CandleSeries(String symbol, Interval interval, Chunk[] chunks) {
        this.symbol = symbol;
        this.interval = interval;
        this.chunks = chunks;
        this.starts = new int[chunks.length];
        int total = 0;
        for (int k = 0; k < chunks.length; k++) {
            starts[k] = total;
            total += chunks[k].size;
        }
        this.size = total;
    }

    public static Builder builder(String symbol, Interval interval, int expectedSize) {
        return new Builder(symbol, interval, expectedSize);
    }

    /** The candles of {@code parts} one after the other, in one series, without copying them. */
    public static CandleSeries join(String symbol, Interval interval, List<CandleSeries> parts) {
        List<Chunk> chunks = new java.util.ArrayList<>();
        for (CandleSeries part : parts) {
            chunks.addAll(List.of(part.chunks));
        }
        return new CandleSeries(symbol, interval, chunks.toArray(Chunk[]::new));
    }

    @Override
    public Candle get(int index) {
        int k = chunk(index);
        Columns columns = chunks[k].columns;
        int i = chunks[k].from + index - starts[k];
        return new Candle(symbol, interval, columns.openTimes[i], columns.closeTimes[i], columns.decimal(OPEN, i),
                columns.decimal(HIGH, i), columns.decimal(LOW, i), columns.decimal(CLOSE, i),
                columns.decimal(VOLUME, i), columns.decimal(QUOTE_VOLUME, i), columns.trades[i], true);
    }

    /** The open time of candle {@code index}, without building it. */
    public long openTime(int index) {
        int k = chunk(index);
        return chunks[k].columns.openTimes[chunks[k].from + index - starts[k]];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public CandleSeries subList(int fromIndex, int toIndex) {
        if (fromIndex < 0 || toIndex > size || fromIndex > toIndex) {
            throw new IndexOutOfBoundsException("[" + fromIndex + ", " + toIndex + ") of " + size);
        }
        List<Chunk> narrowed = new java.util.ArrayList<>();
        for (int k = 0; k < chunks.length; k++) {
            int first = Math.max(fromIndex, starts[k]);
            int end = Math.min(toIndex, starts[k] + chunks[k].size);
            if (first < end) {
                narrowed.add(new Chunk(chunks[k].columns, chunks[k].from + first - starts[k], end - first));
            }
        }
        return new CandleSeries(symbol, interval, narrowed.toArray(Chunk[]::new));
    }

    /** The chunk holding candle {@code index}. */
    private int chunk(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        int k = chunks.length - 1;
        while (starts[k] > index) {
            k--;
        }
        return k;
    }

    /** The arrays behind a series and its views; filled once by a {@link Builder}, never changed after. */
    private static final class Columns {
        long[] openTimes;
        long[] closeTimes;
        long[] trades;
        final long[][] unscaled = new long[DECIMALS][];
        final byte[][] scales = new byte[DECIMALS][];
        final BigDecimal[][] wide = new BigDecimal[DECIMALS][];

        Columns(int capacity) {
            openTimes = new long[capacity];
            closeTimes = new long[capacity];
            trades = new long[capacity];
            for (int c = 0; c < DECIMALS; c++) {
                unscaled[c] = new long[capacity];
                scales[c] = new byte[capacity];
            }
        }

        BigDecimal decimal(int column, int i) {
            if (wide[column] != null && wide[column][i] != null) {
                return wide[column][i];
            }
            return BigDecimal.valueOf(unscaled[column][i], scales[column][i]);
        }

        void grow(int capacity) {
            openTimes = Arrays.copyOf(openTimes, capacity);
            closeTimes = Arrays.copyOf(closeTimes, capacity);
            trades = Arrays.copyOf(trades, capacity);
            for (int c = 0; c < DECIMALS; c++) {
                unscaled[c] = Arrays.copyOf(unscaled[c], capacity);
                scales[c] = Arrays.copyOf(scales[c], capacity);
                if (wide[c] != null) {
                    wide[c] = Arrays.copyOf(wide[c], capacity);
                }
            }
        }
    }

    /**
     * Fills a series a row at a time: {@link #startRow}, the six decimals in any order, then
     * {@link #endRow}. Not for use by more than one thread; the built series is.
     */
    public static final class Builder {
        private final String symbol;
        private final Interval interval;
        private final Columns columns;
        private int size;
        private boolean built;

        private Builder(String symbol, Interval interval, int expectedSize) {
            this.symbol = symbol;
            this.interval = interval;
            this.columns = new Columns(Math.max(16, expectedSize));
        }

        public Builder startRow(long openTime, long closeTime) {
            unbuilt();
            if (size == columns.openTimes.length) {
                columns.grow(size + (size >> 1) + 16);
            }
            columns.openTimes[size] = openTime;
            columns.closeTimes[size] = closeTime;
            return this;
        }

        /** Decimal {@code column} of the row, unscaledValue x 10^-scale. */
        public Builder decimal(int column, long unscaledValue, int scale) {
            unbuilt();
            if (scale < 0 || scale > Byte.MAX_VALUE) {
                return decimal(column, BigDecimal.valueOf(unscaledValue, scale));
            }
            columns.unscaled[column][size] = unscaledValue;
            columns.scales[column][size] = (byte) scale;
            return this;
        }

        /** Decimal {@code column} of the row, any size or scale. */
        public Builder decimal(int column, BigDecimal value) {
            unbuilt();
            if (value.scale() >= 0 && value.scale() <= Byte.MAX_VALUE && value.precision() <= 18) {
                return decimal(column, value.unscaledValue().longValueExact(), value.scale());
            }
            if (columns.wide[column] == null) {
                columns.wide[column] = new BigDecimal[columns.openTimes.length];
            }
            columns.wide[column][size] = value;
            return this;
        }

        public Builder endRow(long trades) {
            unbuilt();
            columns.trades[size] = trades;
            size++;
            return this;
        }

        private void unbuilt() {
            if (built) {
                throw new IllegalStateException("the series is built");
            }
        }

        public CandleSeries build() {
            unbuilt();
            built = true;
            if (size < columns.openTimes.length / 2 && columns.openTimes.length > 1 << 16) {
                columns.grow(size); // far fewer than room was made for: give the rest back
            }
            return new CandleSeries(symbol, interval, new Chunk[] {new Chunk(columns, 0, size)});
        }
    }
}
