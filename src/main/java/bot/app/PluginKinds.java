package bot.app;

import bot.strategy.StrategyRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The strategy kinds: the built-in ones and those of every jar in {@code $BOT_HOME/plugins/}, which
 * list theirs in {@code META-INF/services/bot.strategy.StrategyKind}. The plugin class loader stays
 * open for the life of the process: its classes run in the strategies.
 */
public final class PluginKinds {

    private PluginKinds() {
    }

    public static StrategyRegistry load(Path pluginsDir) {
        ClassLoader parent = PluginKinds.class.getClassLoader();
        List<URL> jars = jars(pluginsDir);
        if (jars.isEmpty()) {
            return StrategyRegistry.load(parent);
        }
        return StrategyRegistry.load(new URLClassLoader("bot-plugins", jars.toArray(URL[]::new), parent));
    }

    private static List<URL> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().map(PluginKinds::url).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins in " + dir, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad plugin path " + jar, e);
        }
    }
}
