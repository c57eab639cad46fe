package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.strategy.StrategyRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginKindsTest {

    @Test
    void builtInKindsAreRegistered() {
        StrategyRegistry registry = StrategyRegistry.load(getClass().getClassLoader());
        assertEquals(List.of("breakout", "mean_reversion", "rsi"), builtIns(registry));
    }

    @Test
    void aJarInThePluginsFolderAddsItsKinds(@TempDir Path home) throws IOException {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        buildPluginJar(home.resolve("src"), plugins.resolve("echo.jar"));
        StrategyRegistry registry = PluginKinds.load(plugins);
        assertTrue(registry.find("echo_plugin").isPresent(), registry.kinds().keySet().toString());
        assertTrue(registry.find("mean_reversion").isPresent());
        assertEquals(1, registry.require("echo_plugin").create(registry.require("echo_plugin")
                .validate(java.util.Map.of("order_value", "1"))).warmupCandles());
    }

    @Test
    void noPluginsFolderMeansBuiltInsOnly(@TempDir Path home) {
        assertEquals(List.of("breakout", "mean_reversion", "rsi"), builtIns(PluginKinds.load(home.resolve("plugins"))));
    }

    /** The kinds less the one the test class path itself registers (bot.testing.TestKind). */
    private static List<String> builtIns(StrategyRegistry registry) {
        return registry.kinds().keySet().stream().filter(k -> !k.equals("test_window")).toList();
    }

    private static void buildPluginJar(Path src, Path jar) throws IOException {
        buildPluginJar(src, jar, "echo.EchoKind", """
                package echo;
                import bot.strategy.*;
                import java.util.List;
                public final class EchoKind implements StrategyKind {
                    public String name() { return "echo_plugin"; }
                    public List<ParameterSpec> parameters() { return CommonParameters.with(List.of()); }
                    public Strategy create(StrategyParameters p) {
                        return new Strategy() {
                            public int warmupCandles() { return 1; }
                            public void onCandle(bot.domain.Candle c, StrategyContext ctx) { }
                        };
                    }
                }
                """);
    }

    /** Compiles a one-class kind {@code className} from {@code code} and packs it with its service file, as a plugin author would. */
    static void buildPluginJar(Path src, Path jar, String className, String code) throws IOException {
        Path source = src.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, code);
        Path classes = Files.createDirectories(src.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                source.toString());
        assertEquals(0, rc);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            try (var files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            out.putNextEntry(new JarEntry("META-INF/services/bot.strategy.StrategyKind"));
            OutputStream o = out;
            o.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
