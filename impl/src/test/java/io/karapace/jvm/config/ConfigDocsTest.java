package io.karapace.jvm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {

    private final String table = ConfigDocs.markdownTable();

    @Test
    void everyKeyHasExactlyOneRow() {
        for (ConfigKey key : ConfigKey.values()) {
            long rows = table.lines().filter(line -> line.startsWith("| `" + key.key() + "` |")).count();
            assertEquals(1, rows, key.key());
        }
        assertEquals(ConfigKey.values().length + 2, table.lines().count());
    }

    @Test
    void rowsShowDefaultEnvironmentVariableAndDescription() {
        assertTrue(table.startsWith("| key | default | env var | description |\n|---|---|---|---|\n"), table);
        assertTrue(table.contains("| `port` | `8081` | `KARAPACE_PORT` | Port the HTTP server listens on. |"), table);
        assertTrue(table.contains("| `bootstrap_uri` | unset | `KARAPACE_BOOTSTRAP_URI` |"), table);
        assertTrue(table.contains("`KARAPACE_REGISTRY` or `KARAPACE_KARAPACE_REGISTRY`"), table);
        assertTrue(table.contains("One of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL (any case)."), table);
    }

    @Test
    void theReadmeShowsThisTable() throws IOException {
        // the README's "Configuration" section is this table, so no key goes undocumented or drifts
        String readme = Files.readString(Path.of(System.getProperty("basedir", "."), "..", "README.md"));
        assertTrue(readme.contains(table), "README.md's configuration table differs from ConfigDocs.markdownTable():\n"
                + table);
    }

    @Test
    void everyKeyIsDocumented() {
        assertTrue(Arrays.stream(ConfigKey.values()).noneMatch(key -> key.doc().isBlank()));
    }
}
