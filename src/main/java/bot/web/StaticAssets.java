package bot.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/** The dashboard's page, script and style, and uPlot from its webjar: all from the jar, nothing from a CDN. */
final class StaticAssets {
    private static final String UPLOT = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"web/index.html", "text/html; charset=utf-8"},
            "/app.js", new String[] {"web/app.js", "text/javascript; charset=utf-8"},
            "/app.css", new String[] {"web/app.css", "text/css; charset=utf-8"},
            "/vendor/uPlot.iife.min.js", new String[] {UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"},
            "/vendor/uPlot.min.css", new String[] {UPLOT + "uPlot.min.css", "text/css; charset=utf-8"});
    private final Map<String, byte[]> bodies;

    StaticAssets() {
        Map<String, byte[]> loaded = new java.util.HashMap<>();
        FILES.forEach((path, file) -> loaded.put(path, read(file[0])));
        bodies = Map.copyOf(loaded);
    }

    boolean has(String path) {
        return bodies.containsKey(path);
    }

    void serve(HttpExchange exchange, String path) throws IOException {
        Replies.bytes(exchange, 200, FILES.get(path)[1], bodies.get(path));
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String uplotVersion() {
        try (InputStream in = StaticAssets.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the uplot webjar is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
