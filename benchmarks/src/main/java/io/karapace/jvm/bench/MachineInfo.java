package io.karapace.jvm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the report says about the machine and tools it was measured with. */
final class MachineInfo {
    private MachineInfo() {
    }

    static List<String> describe(Tools tools) {
        return List.of(
                "- cpu: " + firstValue(Path.of("/proc/cpuinfo"), "model name") + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores available",
                "- memory: " + firstValue(Path.of("/proc/meminfo"), "MemTotal") + ", load average at start: "
                        + read(Path.of("/proc/loadavg")).trim(),
                "- os: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + "; java "
                        + System.getProperty("java.runtime.version"),
                "- tools: " + output(tools.wrk().toString(), "-v").lines().findFirst().orElse("wrk").trim() + "; "
                        + output(tools.nginx().toString(), "-v").trim());
    }

    private static String firstValue(Path file, String key) {
        return read(file).lines().filter(line -> line.startsWith(key)).map(line -> line.split(":", 2)[1].trim())
                .findFirst().orElse("unknown");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String output(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            return text;
        } catch (IOException e) {
            return command[0] + " (version unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return command[0];
        }
    }
}
