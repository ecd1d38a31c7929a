package io.karapace.jvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.client.registry.CompatibilityApi;
import io.karapace.jvm.client.registry.SchemasApi;
import io.karapace.jvm.client.registry.SubjectsApi;
import io.karapace.jvm.client.registry.invoker.ApiClient;
import io.karapace.jvm.client.registry.invoker.ApiException;
import io.karapace.jvm.client.registry.model.RegisterSchemaRequest;
import io.karapace.jvm.client.registry.model.SubjectSchema;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generated Java client works against the server: register, read by id, check compatibility. */
@ExtendWith(SharedKafka.class)
class ClientSdkIT {

    private static final String V1 = "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    private static final String V2 = "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\",\"default\":0.0}]}";
    private static final String V2_WITHOUT_DEFAULT = "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\"}]}";

    private static ServerProcess server;
    private static ApiClient client;

    @BeforeAll
    static void startServer(KafkaHarness kafka) {
        server = ServerLauncher.on(kafka).start(ServerLauncher.uniqueTopic("sdk"));
        // Grizzly mishandles the h2c upgrade the JDK client offers by default (PITFALLS 1)
        client = new ApiClient().setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
        client.updateBaseUri(server.baseUri());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void registeredSchemaIsReadBackByIdAndVersion() throws ApiException {
        SubjectsApi subjects = new SubjectsApi(client);

        int id = subjects.register("payments-value", new RegisterSchemaRequest().schema(V1), null, null).getId();

        assertEquals(V1, new SchemasApi(client).getSchemaById(id, null, null, null).getSchema());
        SubjectSchema latest = subjects.getSchemaByVersion("payments-value", "latest", null, null);
        assertEquals(id, latest.getId());
        assertEquals(1, latest.getVersion());
        assertEquals(id, subjects.register("payments-value", new RegisterSchemaRequest().schema(V1), null, null).getId());
    }

    @Test
    void compatibilityChecksAnswerBothWays() throws ApiException {
        new SubjectsApi(client).register("refunds-value", new RegisterSchemaRequest().schema(V1), null, null);
        CompatibilityApi compatibility = new CompatibilityApi(client);

        assertTrue(compatibility.testCompatibilityBySubjectVersion("refunds-value", "latest",
                new RegisterSchemaRequest().schema(V2), null, null).getIsCompatible());
        assertFalse(compatibility.testCompatibilityBySubjectVersion("refunds-value", "latest",
                new RegisterSchemaRequest().schema(V2_WITHOUT_DEFAULT), null, null).getIsCompatible());
        assertFalse(compatibility.testCompatibilityForSubject("refunds-value",
                new RegisterSchemaRequest().schema(V2_WITHOUT_DEFAULT), null, true).getMessages().isEmpty());
    }

    @Test
    void registryErrorsArriveAsApiExceptionsWithTheErrorBody() {
        ApiException error = assertThrows(ApiException.class,
                () -> new SchemasApi(client).getSchemaById(999_999, null, null, null));

        assertEquals(404, error.getCode());
        assertEquals(RegistryCalls.json("{\"error_code\":40403,\"message\":\"Schema 999999 not found\"}"),
                RegistryCalls.json(error.getResponseBody()));
    }
}
