package bot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A process's CPU time and memory as Linux counts them, from /proc/PID/stat and /proc/PID/status. */
final class ProcStats {
    /** USER_HZ: the unit of /proc's CPU times; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcStats() {
    }

    /** User plus system CPU time, in seconds. */
    static double cpuSeconds(long pid) throws IOException {
        return cpuSeconds(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** CPU seconds per kind of thread (names with their numbers left out, e.g. {@code ForkJoinPool-#-worker-#}). */
    static Map<String, Double> cpuSecondsByThread(long pid) throws IOException {
        Map<String, Double> byName = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "#");
                    byName.merge(name, cpuSeconds(task.resolve("stat")), Double::sum);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return byName;
    }

    private static double cpuSeconds(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        // After the command name in parentheses: state is field 3, utime 14, stime 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** A field of /proc/PID/status in kB (VmRSS, VmHWM) or as a count (Threads). */
    static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        throw new IOException("no " + field + " in /proc/" + pid + "/status");
    }
}
