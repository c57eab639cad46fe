package bot.web;

import bot.app.JournalReporter;
import bot.app.MonitorSink;
import bot.store.DashboardQueries;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's read-only HTTP interface: health, Prometheus metrics, the dashboard and its JSON and
 * events. It runs on its own virtual threads and reads the journal from PostgreSQL; the trading
 * threads only hand it counters through {@link #monitor()}. No endpoint changes anything: any
 * method but GET and HEAD is refused.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private final Clock clock;
    private final StreamWatch streams = new StreamWatch();
    private final BotMetrics metrics;
    private final JournalPoller poller;
    private final JournalApi api;
    private final Readiness readiness;
    private final EventStream events;
    private final StaticAssets assets = new StaticAssets();
    private volatile StrategyStates states = StrategyStates.NONE;
    private HttpServer server;
    private ExecutorService executor;
    private BearerToken token;

    /** Ready to be attached to the daemon ({@link #monitor()}); serves nothing before {@link #start}. */
    public WebServer(Jdbi jdbi, Clock clock) {
        this.clock = clock;
        DashboardQueries journal = new DashboardQueries(jdbi);
        KpiCache kpis = new KpiCache(new JournalReporter(jdbi));
        RealizedPnl realized = new RealizedPnl(journal);
        this.metrics = new BotMetrics(journal, streams, realized, () -> states.current(), clock);
        // each look at the journal also brings the realized PnL and (in the background) the KPIs up to date
        this.poller = new JournalPoller(journal, roundTrip -> {
            realized.refresh();
            kpis.refreshFor(roundTrip);
        }, kpis::version);
        EquityCache equity = new EquityCache(journal, () -> poller.latest().roundTrip());
        this.api = new JournalApi(journal, streams, kpis, realized, equity, () -> states, clock);
        this.readiness = new Readiness(new DatabaseProbe(journal), () -> states, streams, clock);
        this.events = new EventStream(poller);
    }

    /** What the daemon reports to: round trips, denials, streams' candles. */
    public MonitorSink monitor() {
        return metrics;
    }

    /**
     * Listens on {@code binding}, answering with {@code states}' view of the strategies.
     *
     * @throws IOException when the address cannot be bound (in use, not this host's)
     */
    public void start(HttpBinding binding, StrategyStates states) throws IOException {
        this.states = states;
        this.token = binding.token().map(BearerToken::new).orElse(null);
        server = HttpServer.create(binding.address(), 64);
        executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("http-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        poller.start();
        log.atInfo().addKeyValue("address", address().getHostString() + ":" + address().getPort())
                .addKeyValue("token", token != null).log("HTTP server listening");
    }

    /** The address bound (its port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                Replies.json(exchange, 405, Map.of("error", "read-only: only GET and HEAD"));
                return;
            }
            if (token != null && !token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                Replies.json(exchange, 401, Map.of("error", "missing or wrong bearer token"));
                return;
            }
            route(exchange, exchange.getRequestURI().getPath());
        } catch (JournalApi.BadRequest e) {
            Replies.json(exchange, e.status, Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            log.warn("HTTP request failed: {}", exchange.getRequestURI().getPath(), e);
            Replies.json(exchange, 503, Map.of("error", "cannot answer now: " + e.getClass().getSimpleName()));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        switch (path) {
            case "/health/live" -> Replies.json(exchange, 200, Map.of("live", true));
            case "/health/ready" -> {
                Readiness.Verdict verdict = readiness.check();
                Replies.json(exchange, verdict.ready() ? 200 : 503, verdict.body());
            }
            case "/metrics" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
                PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape());
                Replies.bytes(exchange, 200, PrometheusTextFormatWriter.CONTENT_TYPE, out.toByteArray());
            }
            case "/events" -> events.serve(exchange);
            case "/api/strategies" -> api.strategies(exchange);
            case "/api/orders" -> api.orders(exchange);
            case "/api/equity" -> api.equity(exchange);
            case "/api/candles" -> api.candles(exchange);
            default -> {
                if (assets.has(path)) {
                    assets.serve(exchange, path);
                } else {
                    Replies.json(exchange, 404, Map.of("error", "no such page: " + path));
                }
            }
        }
    }

    /** Stops listening (open event streams are cut) and the journal poller. */
    @Override
    public void close() {
        poller.close();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
