package bot.bench;

import bot.domain.Interval;
import bot.market.KlineEventParser;
import bot.market.KlineStream;
import bot.market.MalformedEventException;
import bot.market.StreamMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of turning one recorded kline event into a candle with Jackson's streaming parser
 * (target: at most 2 us and 2 KB allocated per event). Run with {@code -prof gc} for the allocation per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class KlineParseBenchmark {
    private KlineEventParser parser;
    private byte[] plain;
    private byte[] combined;
    private String combinedText;

    @Setup
    public void load() throws IOException {
        String event;
        try (InputStream in = KlineParseBenchmark.class.getResourceAsStream("/binance/kline-event-btcusdt-1m.json")) {
            event = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        // A connection with a few streams, as the bot has.
        parser = new KlineEventParser(List.of(new KlineStream("BTCUSDT", Interval.M1),
                new KlineStream("ETHUSDT", Interval.M1), new KlineStream("BNBUSDT", Interval.M5)));
        plain = event.getBytes(StandardCharsets.UTF_8);
        combinedText = "{\"stream\":\"btcusdt@kline_1m\",\"data\":" + event + "}";
        combined = combinedText.getBytes(StandardCharsets.UTF_8);
    }

    /** The plain event's bytes. */
    @Benchmark
    public StreamMessage plainBytes() throws MalformedEventException {
        return parser.parse(plain);
    }

    /** The combined-stream form, as the bot's connections receive it. */
    @Benchmark
    public StreamMessage combinedBytes() throws MalformedEventException {
        return parser.parse(combined);
    }

    /** The combined form as OkHttp hands a text frame over: a String. */
    @Benchmark
    public StreamMessage combinedText() throws MalformedEventException {
        return parser.parse(combinedText);
    }
}
