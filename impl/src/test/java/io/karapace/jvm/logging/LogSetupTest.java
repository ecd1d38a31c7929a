package io.karapace.jvm.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogSetupTest {
    private static final Logger LOG = LoggerFactory.getLogger("io.karapace.jvm.logging.Sample");
    private final PrintStream stdout = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        System.setOut(stdout);
        LogSetup.apply("INFO", LogFormat.text());
    }

    @Test
    void jsonWritesOneObjectALineWithTheIssuesFields() throws Exception {
        capture();
        LogSetup.apply("INFO", LogFormat.parse("json").orElseThrow());
        LOG.info("registered {}", "app-value");
        LOG.error("failed", new IllegalStateException("broken\nacross lines"));
        LOG.debug("not at INFO");

        List<String> lines = lines();
        assertEquals(2, lines.size(), String.join("\n", lines));
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        // issue 12: "one JSON object a line, with timestamp, level, logger, message, exception"
        assertEquals("INFO", first.get("level").asText());
        assertEquals("io.karapace.jvm.logging.Sample", first.get("logger").asText());
        assertEquals("registered app-value", first.get("message").asText());
        assertTrue(first.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                first.get("timestamp").asText());
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertEquals("ERROR", second.get("level").asText());
        assertTrue(second.get("exception").asText().startsWith(
                "java.lang.IllegalStateException: broken\nacross lines"), second.get("exception").asText());
    }

    @Test
    void aPythonFormatAndTheRootLevelApply() {
        capture();
        LogSetup.apply("DEBUG", LogFormat.parse("%(levelname)s|%(name)s|%(message)s").orElseThrow());
        LOG.debug("now visible");
        LOG.warn("careful");

        assertEquals(List.of("DEBUG|io.karapace.jvm.logging.Sample|now visible",
                "WARNING|io.karapace.jvm.logging.Sample|careful"), lines());
    }

    @Test
    void kafkasLoggersStayAtWarnUnlessTheLevelIsDebug() {
        capture();
        Logger kafka = LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient");
        LogSetup.apply("INFO", LogFormat.parse("%(levelname)s %(message)s").orElseThrow());
        kafka.info("chatter at INFO");
        kafka.warn("a warning");
        LogSetup.apply("DEBUG", LogFormat.parse("%(levelname)s %(message)s").orElseThrow());
        kafka.debug("chatter at DEBUG");
        kafka.info("chatter at INFO with DEBUG");

        assertEquals(List.of("WARNING a warning", "INFO chatter at INFO with DEBUG"), lines());
    }

    private void capture() {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
