package bot.market;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Candle;
import dev.failsafe.AsyncExecution;
import dev.failsafe.ExecutionContext;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One combined-stream WebSocket ({@code <ws base>/stream?streams=a/b}) kept open: reconnects on
 * close, failure or silence with full-jitter backoff inside the shared attempt budget, and replaces
 * itself without a gap (new socket first, then the old one closed) on {@code serverShutdown} and
 * before Binance's 24-hour limit. Its reader threads only parse and hand candles to the sink. It
 * sends nothing but OkHttp's pings and pongs, far below Binance's 5 incoming messages a second.
 */
final class KlineConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KlineConnection.class);

    /** Where a connection's output goes. Called on OkHttp's reader threads: hand over, never block. */
    interface Sink {
        void update(KlineStream stream, Candle candle);

        /** A socket opened: whatever closed while none listened must be fetched. */
        void connected(List<KlineStream> streams);
    }

    private final OkHttpClient http;
    private final Request request;
    private final List<KlineStream> streams;
    private final Sink sink;
    private final AttemptPacer pacer;
    private final ScheduledExecutorService scheduler;
    private final InstantSource clock;
    private final FeedTimings timings;
    private final ConnectionWatch watch;
    private final RetryPolicy<Void> retryPolicy;

    // Guarded by this.
    private Socket current;
    private Socket dialling;
    private boolean connecting;
    private volatile boolean closed;
    /** Connections in a row that died young; they lengthen the backoff. */
    private volatile int flaps;
    private CompletableFuture<Void> attempts;
    private ScheduledFuture<?> watchTask;

    KlineConnection(OkHttpClient http, String wsBaseUrl, List<KlineStream> streams, Sink sink, AttemptPacer pacer,
            ScheduledExecutorService scheduler, InstantSource clock, FeedTimings timings) {
        this.http = http;
        this.streams = List.copyOf(streams);
        this.request = new Request.Builder().url(url(wsBaseUrl, streams)).build();
        this.sink = sink;
        this.pacer = pacer;
        this.scheduler = scheduler;
        this.clock = clock;
        this.timings = timings;
        this.watch = new ConnectionWatch(timings);
        this.retryPolicy = RetryPolicy.<Void>builder()
                .handle(Throwable.class)
                .abortOn(ConnectionClosedException.class)
                .withMaxRetries(-1)
                .withDelayFn(this::delayBefore)
                .onRetryScheduled(e -> log.warn("connecting failed ({}); next attempt in {} ms",
                        e.getLastException().getMessage(), e.getDelay().toMillis(), kv("streams", streamNames())))
                .build();
    }

    static String url(String wsBaseUrl, List<KlineStream> streams) {
        String base = wsBaseUrl.endsWith("/") ? wsBaseUrl.substring(0, wsBaseUrl.length() - 1) : wsBaseUrl;
        return base + "/stream?streams=" + streams.stream().map(KlineStream::name).collect(Collectors.joining("/"));
    }

    synchronized void open() {
        long period = timings.watchPeriod().toMillis();
        watchTask = scheduler.scheduleWithFixedDelay(this::checkHealth, period, period, TimeUnit.MILLISECONDS);
        connect(Duration.ZERO);
    }

    /** Starts attempts (under the lock); the current socket, if any, stays until a new one opens. */
    private void connect(Duration initialDelay) {
        connecting = true;
        if (initialDelay.isZero()) {
            startAttempts();
        } else {
            scheduler.schedule(this::startAttempts, initialDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void startAttempts() {
        if (!closed) {
            attempts = Failsafe.with(retryPolicy).with(scheduler).runAsyncExecution(this::attempt);
        }
    }

    private Duration delayBefore(ExecutionContext<Void> context) {
        return pacer.delayBefore(flaps + context.getAttemptCount() - 1);
    }

    private synchronized void attempt(AsyncExecution<Void> execution) {
        if (closed) {
            execution.recordException(new ConnectionClosedException());
            return;
        }
        Duration wait = pacer.tryAttempt();
        if (!wait.isZero()) {
            execution.recordException(new AttemptBudgetSpent(wait));
            return;
        }
        Socket socket = new Socket(execution);
        dialling = socket;
        socket.webSocket = http.newWebSocket(request, socket);
    }

    private synchronized void opened(Socket socket, WebSocket webSocket) {
        socket.webSocket = webSocket;
        if (closed) {
            webSocket.close(1000, "feed closed");
            socket.attempt.recordException(new ConnectionClosedException());
            return;
        }
        long now = clock.millis();
        socket.openedAt = now;
        socket.lastMessageAt = now;
        socket.open = true;
        Socket old = current;
        current = socket;
        dialling = null;
        connecting = false;
        if (old != null) {
            old.webSocket.close(1000, "replaced by a new connection");
        }
        log.info("kline connection open", kv("streams", streamNames()));
        socket.attempt.recordResult(null);
        sink.connected(streams);
    }

    private void handle(Socket socket, StreamMessage message) {
        if (message instanceof StreamMessage.KlineUpdate update) {
            sink.update(update.stream(), update.candle());
        } else if (message instanceof StreamMessage.ServerShutdown) {
            serverShutdown(socket);
        }
    }

    /** Bad data is dropped and logged; the connection and its other streams go on. */
    private static void dropped(MalformedEventException e) {
        KlineStream stream = e.stream();
        log.error("dropped a bad kline message: {}", e.getMessage(),
                kv("symbol", stream == null ? "unknown" : stream.symbol()),
                kv("interval", stream == null ? "unknown" : stream.interval().code()));
    }

    private synchronized void serverShutdown(Socket socket) {
        if (socket == current && !connecting && !closed) {
            log.info("server announced a shutdown: reconnecting now", kv("streams", streamNames()));
            connect(Duration.ZERO);
        }
    }

    private synchronized void lost(Socket socket, Throwable failure, String reason) {
        if (!socket.open) {
            if (socket == dialling) {
                dialling = null;
                socket.attempt.recordException(failure);
            }
            return;
        }
        if (socket != current) {
            return; // a replaced socket finishing its close
        }
        current = null;
        flaps = clock.millis() - socket.openedAt >= timings.stableAfter().toMillis() ? 0 : flaps + 1;
        if (closed || connecting) {
            return;
        }
        log.warn("kline connection lost ({}); reconnecting", reason, kv("streams", streamNames()));
        connect(flaps == 0 ? Duration.ZERO : pacer.delayBefore(flaps - 1));
    }

    private synchronized void checkHealth() {
        if (closed || current == null || current.condemned) {
            return;
        }
        switch (watch.check(clock.millis(), current.openedAt, current.lastMessageAt)) {
            case SILENT -> {
                log.warn("kline connection silent for {} ms: treating it as dead", clock.millis() - current.lastMessageAt,
                        kv("streams", streamNames()));
                current.condemned = true;
                current.webSocket.cancel();
            }
            case DUE_FOR_REPLACEMENT -> {
                if (!connecting) {
                    log.info("replacing the kline connection before its 24-hour limit", kv("streams", streamNames()));
                    connect(Duration.ZERO);
                }
            }
            case HEALTHY -> {
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watchTask != null) {
            watchTask.cancel(false);
        }
        if (attempts != null) {
            attempts.cancel(false);
        }
        if (dialling != null && dialling.webSocket != null) {
            dialling.webSocket.cancel();
        }
        if (current != null) {
            current.webSocket.close(1000, "feed closed");
        }
    }

    private String streamNames() {
        return streams.size() <= 3 ? streams.stream().map(KlineStream::name).collect(Collectors.joining(","))
                : streams.get(0).name() + " and " + (streams.size() - 1) + " more";
    }

    /** One WebSocket of this connection, from dialling to close; its parser belongs to its reader thread. */
    private final class Socket extends WebSocketListener {
        final AsyncExecution<Void> attempt;
        final KlineEventParser parser = new KlineEventParser(streams);
        volatile WebSocket webSocket;
        volatile long lastMessageAt;
        volatile long openedAt;
        volatile boolean open;
        /** Cancelled for silence; its failure is on the way. */
        boolean condemned;

        Socket(AsyncExecution<Void> attempt) {
            this.attempt = attempt;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened(this, webSocket);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (!closed) {
                lastMessageAt = clock.millis();
                try {
                    handle(this, parser.parse(text));
                } catch (MalformedEventException e) {
                    dropped(e);
                }
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            onMessage(webSocket, bytes.utf8());
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            String why = "closed by the server: " + code + " " + reason;
            lost(this, new IOException(why), why);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            lost(this, t, t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
    }

    /** The budget had no attempt left (the next delay waits for one). */
    private static final class AttemptBudgetSpent extends Exception {
        AttemptBudgetSpent(Duration wait) {
            super("connection attempt budget spent for another " + wait.toMillis() + " ms", null, false, false);
        }
    }

    private static final class ConnectionClosedException extends Exception {
        ConnectionClosedException() {
            super("connection closed", null, false, false);
        }
    }
}
