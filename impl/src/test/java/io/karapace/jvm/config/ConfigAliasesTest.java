package io.karapace.jvm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Karapace configurations load unchanged (issue 13): the seed README documents {@code name_strategy}
 * default {@code subject_name} (Karapace's code has always applied topic_name: commit 4e745f8c "Fix
 * `name_strategy` configuration option ... fix documentation to match default that has been in the
 * implementation so far", whose NAME_STRATEGIES.get(name, topic_name_strategy) read any other name as
 * topic_name) and the key {@code consumer_enable_autocommit} (Karapace's code reads
 * consumer_enable_auto_commit, src/karapace/core/config.py); Python's level names WARN, FATAL, NOTSET.
 */
class ConfigAliasesTest {
    @TempDir
    Path dir;

    @Test
    void subjectNameIsReadAsTopicNameWithOneWarning() throws IOException {
        ConfigLoader.Loaded loaded = load("{\"name_strategy\": \"subject_name\"}", Map.of());

        assertEquals("topic_name", loaded.config().nameStrategy());
        assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
        assertTrue(loaded.warnings().get(0).contains("'subject_name' of configuration name_strategy"), loaded.warnings().get(0));
        assertTrue(loaded.warnings().get(0).contains("alias of topic_name"), loaded.warnings().get(0));
    }

    @Test
    void canonicalStrategiesGiveNoWarning() throws IOException {
        ConfigLoader.Loaded loaded = load("{\"name_strategy\": \"record_name\"}", Map.of());

        assertEquals("record_name", loaded.config().nameStrategy());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void autoCommitDefaultsToTrue() {
        assertTrue(ConfigLoader.load(Optional.empty(), Map.of()).config().consumerEnableAutoCommit());
    }

    @Test
    void readmeSpellingOfAutoCommitIsHonouredWithAWarning() throws IOException {
        ConfigLoader.Loaded loaded = load("{\"consumer_enable_autocommit\": false}", Map.of());

        assertFalse(loaded.config().consumerEnableAutoCommit());
        assertEquals(List.of("Configuration key 'consumer_enable_autocommit' in " + dir.resolve("k.json")
                + " is an alias of 'consumer_enable_auto_commit'"), loaded.warnings());
    }

    @Test
    void codeSpellingOfAutoCommitWinsOverTheAlias() throws IOException {
        ConfigLoader.Loaded loaded = load(
                "{\"consumer_enable_autocommit\": false, \"consumer_enable_auto_commit\": true}", Map.of());

        assertTrue(loaded.config().consumerEnableAutoCommit());
        assertTrue(loaded.warnings().get(0).endsWith("which is also set and wins"), loaded.warnings().toString());
    }

    @Test
    void autoCommitAliasAnswersInTheEnvironmentToo() {
        ConfigLoader.Loaded alias = ConfigLoader.load(Optional.empty(), Map.of("KARAPACE_CONSUMER_ENABLE_AUTOCOMMIT", "false"));
        ConfigLoader.Loaded canonical = ConfigLoader.load(Optional.empty(), Map.of("KARAPACE_CONSUMER_ENABLE_AUTO_COMMIT", "false"));

        assertFalse(alias.config().consumerEnableAutoCommit());
        assertEquals(1, alias.warnings().size());
        assertFalse(canonical.config().consumerEnableAutoCommit());
        assertEquals(List.of(), canonical.warnings());
    }

    @ParameterizedTest
    @CsvSource({"WARN, WARNING, WARN", "warn, WARNING, WARN", "FATAL, CRITICAL, FATAL", "NOTSET, DEBUG, DEBUG",
            "warning, WARNING, WARN", "critical, CRITICAL, FATAL"})
    void pythonLevelNamesAreAccepted(String name, String level, String log4j) {
        Config config = ConfigLoader.load(Optional.empty(), Map.of("KARAPACE_LOG_LEVEL", name)).config();

        assertEquals(level, config.logLevel());
        assertEquals(log4j, config.log4jLevel());
    }

    @Test
    void theReadmeTableNamesTheAliases() {
        String table = ConfigDocs.markdownTable();

        assertTrue(table.contains("subject_name (= topic_name)"), table);
        assertTrue(table.contains("`consumer_enable_autocommit`"), table);
        assertTrue(table.contains("`KARAPACE_CONSUMER_ENABLE_AUTOCOMMIT`"), table);
    }

    private ConfigLoader.Loaded load(String json, Map<String, String> env) throws IOException {
        Path file = Files.writeString(dir.resolve("k.json"), json);
        return ConfigLoader.load(Optional.of(file), env);
    }
}
