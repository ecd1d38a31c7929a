package io.karapace.jvm.app;

import io.karapace.jvm.client.registry.SchemasApi;
import io.karapace.jvm.client.registry.SubjectsApi;
import io.karapace.jvm.client.registry.invoker.ApiClient;
import io.karapace.jvm.client.registry.invoker.ApiException;
import io.karapace.jvm.client.registry.model.RegisterSchemaRequest;
import io.karapace.jvm.client.registry.model.SchemaString;
import io.karapace.jvm.client.registry.model.SubjectSchema;
import io.karapace.jvm.proxy.ProxyError;
import io.karapace.jvm.proxy.SchemaLookup;
import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaProviders;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import io.karapace.jvm.config.ConfigException;
import io.karapace.jvm.tls.PemFiles;
import io.karapace.jvm.tls.ServerTls;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The REST proxy's registry when it runs without one in this process ({@code karapace_registry=false}):
 * calls go over HTTP to {@code registry_host:registry_port} through the generated client. Schemas
 * fetched by id never change, so each is fetched and parsed once.
 */
final class RemoteSchemaLookup implements SchemaLookup {
    private final SubjectsApi subjects;
    private final SchemasApi schemas;
    private final SchemaProviders providers;
    private final Map<Integer, ParsedSchema> byId = new ConcurrentHashMap<>();

    /**
     * How the proxy reaches the remote registry: {@code registry_scheme}, {@code registry_host},
     * {@code registry_port}, Basic credentials {@code registry_user}/{@code registry_password} (null:
     * none) and {@code registry_ca} (null: the JVM's CAs).
     */
    record Target(String scheme, String host, int port, String user, String password, String caFile) {
        Target {
            if ((user == null) != (password == null)) {
                throw new ConfigException("registry_user and registry_password must be set together; only "
                        + (user == null ? "registry_password" : "registry_user") + " is set");
            }
            if (caFile != null && !scheme.equals("https")) {
                throw new ConfigException("registry_ca is set but registry_scheme is " + scheme
                        + "; set registry_scheme to https or remove registry_ca");
            }
        }

        String baseUri() {
            return scheme + "://" + host + ":" + port;
        }

        @Override
        public String toString() {
            return baseUri() + (user == null ? "" : " as " + user);
        }
    }

    RemoteSchemaLookup(Target target, SchemaProviders providers) {
        this(target, providers, Optional::empty);
    }

    /**
     * @param callerAuthorization the Authorization of the request being served (rest_authorization);
     *     when present it is sent instead of registry_user/registry_password
     */
    RemoteSchemaLookup(Target target, SchemaProviders providers, Supplier<Optional<String>> callerAuthorization) {
        HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (target.caFile() != null) {
            http.sslContext(trusting(PemFiles.certificates(Path.of(target.caFile()), "registry_ca")));
        }
        ApiClient client = new ApiClient(http, ApiClient.createDefaultObjectMapper(), target.baseUri());
        client.setReadTimeout(Duration.ofSeconds(30));
        Optional<String> own = target.user() == null ? Optional.empty() : Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((target.user() + ":" + target.password()).getBytes(StandardCharsets.UTF_8)));
        client.setRequestInterceptor(request -> callerAuthorization.get().or(() -> own)
                .ifPresent(header -> request.header("Authorization", header)));
        this.subjects = new SubjectsApi(client);
        this.schemas = new SchemasApi(client);
        this.providers = providers;
    }

    @Override
    public int register(String subject, SchemaType type, String schemaText) {
        RegisterSchemaRequest request = new RegisterSchemaRequest().schema(schemaText)
                .schemaType(type == SchemaType.AVRO ? null : type.name());
        return call(() -> subjects.register(subject, request, false, null).getId());
    }

    @Override
    public ParsedSchema schemaById(int id) {
        ParsedSchema cached = byId.get(id);
        if (cached != null) {
            return cached;
        }
        SchemaString found = call(() -> schemas.getSchemaById(id, null, null, false));
        ParsedSchema parsed = parse(found.getSchemaType(), found.getSchema(), references(found.getReferences()));
        byId.put(id, parsed);
        return parsed;
    }

    @Override
    public int idOfVersion(String subject, Integer version) {
        String spec = version == null ? "latest" : version.toString();
        return call(() -> subjects.getSchemaByVersion(subject, spec, false, null).getId());
    }

    private ParsedSchema parse(String typeName, String text, List<SchemaReference> references) {
        SchemaType type = SchemaType.parse(typeName).orElseThrow(
                () -> ProxyError.INVALID_SCHEMA.exception("unknown schema type " + typeName));
        Map<SchemaReference, ReferencedSchema> resolved = new LinkedHashMap<>();
        references.forEach(ref -> resolve(ref, resolved));
        try {
            return providers.get(type).orElseThrow().parse(text, new ArrayList<>(resolved.values()), Validation.STORED);
        } catch (InvalidSchemaException e) {
            throw ProxyError.INVALID_SCHEMA.exception(e.getMessage());
        }
    }

    private void resolve(SchemaReference ref, Map<SchemaReference, ReferencedSchema> resolved) {
        if (resolved.containsKey(ref)) {
            return;
        }
        SubjectSchema target = call(() -> subjects.getSchemaByVersion(ref.subject(),
                String.valueOf(ref.version()), false, null));
        List<SchemaReference> nested = references(target.getReferences());
        nested.forEach(n -> resolve(n, resolved));
        SchemaType type = SchemaType.parse(target.getSchemaType()).orElse(SchemaType.AVRO);
        resolved.put(ref, new ReferencedSchema(ref, type, target.getSchema(), nested));
    }

    private static List<SchemaReference> references(List<io.karapace.jvm.client.registry.model.SchemaReference> refs) {
        return refs == null ? List.of() : refs.stream()
                .map(r -> new SchemaReference(r.getName(), r.getSubject(), r.getVersion()))
                .toList();
    }

    private static SSLContext trusting(List<X509Certificate> cas) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, ServerTls.trustManagers(cas), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a TLS context for registry_ca: " + e.getMessage(), e);
        }
    }

    private interface Call<T> {
        T run() throws ApiException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            if (e.getCode() >= 400 && e.getCode() < 500) {
                throw ProxyError.INVALID_SCHEMA.exception(e.getResponseBody());
            }
            throw ProxyError.SCHEMA_REGISTRY_ERROR.exception("Schema registry unavailable: " + e.getMessage());
        }
    }
}
