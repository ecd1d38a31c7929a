package io.karapace.jvm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherAndMemoryTest {

    @Test
    void theBenchmarksStartTheServerWithTheLaunchersOptions() {
        List<String> options = Options.launcherJvmOptions(Path.of("..", "bin", "jvm.options"));

        assertTrue(options.contains("-XX:+UseSerialGC"), options.toString());
        assertTrue(options.stream().anyMatch(option -> option.startsWith("-Xmx")), options.toString());
        assertTrue(options.stream().allMatch(option -> option.startsWith("-")), "no comments or blanks: " + options);
    }

    @Test
    void nativeMemoryCategoriesAreReadWithTheirCommittedSize() {
        String summary = """
                Native Memory Tracking:

                Total: reserved=552022KB, committed=318022KB
                -                 Java Heap (reserved=163840KB, committed=163840KB)
                                            (mmap: reserved=163840KB, committed=163840KB)
                -                     Class (reserved=115839KB, committed=6143KB)
                                            (classes #6820)
                -        Shared class space (reserved=16384KB, committed=12060KB)
                """;

        assertEquals(Map.of("Java Heap", 163840L, "Class", 6143L, "Shared class space", 12060L),
                NativeMemory.committedKb(summary));
    }
}
