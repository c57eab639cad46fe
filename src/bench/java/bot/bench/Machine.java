package bot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine the figures come from: cores, CPU model, memory, JDK. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return String.format("machine: %d cores (nproc), %s, %s memory, JDK %s (%s)",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memory(), Runtime.version(),
                System.getProperty("java.vm.name"));
    }

    private static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
    }

    private static String memory() {
        return firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> String.format("%.1f GiB", Long.parseLong(v.replace("kB", "").trim()) / 1024.0 / 1024.0))
                .orElse("unknown");
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
