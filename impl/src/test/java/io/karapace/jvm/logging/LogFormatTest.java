package io.karapace.jvm.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogFormatTest {

    @Test
    void textAndJsonAreTheTwoNamedFormats() {
        assertEquals(Optional.of(new LogFormat(false, LogFormat.TEXT_PATTERN)), LogFormat.parse("text"));
        assertEquals(Optional.of(new LogFormat(true, null)), LogFormat.parse("json"));
    }

    @Test
    void karapacesDefaultFormatKeepsItsColumns() {
        // Karapace 6.2.0 src/karapace/core/config.py: log_format = "%(name)-20s\t%(threadName)s\t%(levelname)-8s\t%(message)s";
        // Python's levelname says WARNING and CRITICAL where log4j says WARN and FATAL
        assertEquals(Optional.of(new LogFormat(false,
                        "%-20c\t%t\t%-8level{WARN=WARNING, FATAL=CRITICAL}\t%msg%n")),
                LogFormat.parse("%(name)-20s\t%(threadName)s\t%(levelname)-8s\t%(message)s"));
    }

    @Test
    void pythonTimesProcessesAndLiteralPercentsTranslate() {
        // Python logging: asctime's default form is "2003-07-08 16:49:45,896"; "%%" is a literal percent
        assertEquals(Optional.of(new LogFormat(false, "%d{yyyy-MM-dd HH:mm:ss,SSS} [%pid] 100%% %msg%n")),
                LogFormat.parse("%(asctime)s [%(process)d] 100%% %(message)s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%(hostname)s %(message)s", "plain words", "%s %(message)s", "%(message)s 5%", "TEXT"})
    void anythingElseIsRefused(String value) {
        assertTrue(LogFormat.parse(value).isEmpty(), value);
    }
}
