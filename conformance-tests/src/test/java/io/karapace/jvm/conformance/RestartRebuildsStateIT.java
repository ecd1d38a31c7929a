package io.karapace.jvm.conformance;

import static io.karapace.jvm.conformance.RegistryCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karapace.jvm.conformance.fixture.HttpResult;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The topic is the database: a server started on a used topic answers every read like the one that wrote it. */
@ExtendWith(SharedKafka.class)
class RestartRebuildsStateIT {

    private static final String R1 = "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    private static final String R2 = "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";
    private static final String R3 = "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0},{\"name\":\"c\",\"type\":\"string\",\"default\":\"\"}]}";
    private static final List<String> SUBJECTS = List.of("alpha", "beta", "gamma", "delta");

    @Test
    void aServerRestartedOnTheSameTopicAnswersEveryReadTheSame(KafkaHarness kafka) {
        ServerLauncher launcher = ServerLauncher.on(kafka);
        String topic = ServerLauncher.uniqueTopic("restart");
        Map<String, String> before;
        try (ServerProcess first = launcher.start(topic)) {
            writeHistory(new RegistryCalls(first));
            before = readEverything(new RegistryCalls(first));
        }
        try (ServerProcess second = launcher.start(topic)) {
            RegistryCalls registry = new RegistryCalls(second);
            assertEquals(before, readEverything(registry));
            assertEquals("200 [1,3]", before.get("/subjects/alpha/versions"));
            assertEquals("{\"compatibilityLevel\":\"FULL\"}", ok(registry.get("/config")).body());
            assertEquals(7, registry.register("epsilon", "\"float\""), "ids continue after the highest id ever written");
        }
    }

    /** Ids: alpha 1, 2, 3; beta 4; gamma 1, 5; delta 6 (hard-deleted). */
    private static void writeHistory(RegistryCalls registry) {
        registry.register("alpha", R1);
        registry.register("alpha", R2);
        registry.register("alpha", R3);
        ok(registry.delete("/subjects/alpha/versions/2"));
        registry.register("beta", "\"string\"");
        ok(registry.delete("/subjects/beta"));
        registry.register("gamma", R1);
        ok(registry.put("/config/gamma", "compatibility", "NONE"));
        registry.register("gamma", "\"int\"");
        ok(registry.put("/mode/gamma", "mode", "READONLY"));
        registry.register("delta", "\"double\"");
        ok(registry.delete("/subjects/delta"));
        ok(registry.delete("/subjects/delta?permanent=true"));
        ok(registry.put("/config", "compatibility", "FULL"));
    }

    private static Map<String, String> readEverything(RegistryCalls registry) {
        List<String> paths = new ArrayList<>(List.of("/subjects", "/subjects?deleted=true", "/schemas?deleted=true",
                "/config", "/mode"));
        for (String subject : SUBJECTS) {
            paths.addAll(List.of("/subjects/" + subject + "/versions", "/subjects/" + subject + "/versions?deleted=true",
                    "/config/" + subject, "/mode/" + subject));
            for (int version = 1; version <= 3; version++) {
                paths.add("/subjects/" + subject + "/versions/" + version + "?deleted=true");
            }
        }
        for (int id = 1; id <= 6; id++) {
            paths.add("/schemas/ids/" + id);
            paths.add("/schemas/ids/" + id + "/versions?deleted=true");
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : paths) {
            HttpResult result = registry.get(path);
            answers.put(path, result.status() + " " + result.body());
        }
        return answers;
    }
}
