package io.karapace.serdes.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SchemaRegistryClient} over the registry's REST API with bounded, thread-safe caches:
 * id → schema (one {@code GET /schemas/ids/{id}} per new id) and subject + schema → id (one
 * {@code POST /subjects/{s}/versions} or {@code POST /subjects/{s}} per new pair). The latest
 * version of a subject is not cached here: it changes.
 */
public class CachedSchemaRegistryClient implements SchemaRegistryClient {

    private final RestService rest;
    private final BoundedCache<Integer, SchemaString> schemasById;
    private final BoundedCache<SubjectSchema, Integer> idsBySchema;
    private final BoundedCache<Integer, SchemaString> serializedById;

    private record SubjectSchema(String subject, SchemaString schema, boolean normalize) {
    }

    /** @param baseUrls registry URLs tried in order; @param cacheCapacity entries per cache */
    public CachedSchemaRegistryClient(List<String> baseUrls, int cacheCapacity, Map<String, ?> configs) {
        this(new RestService(baseUrls, configs == null ? Map.of() : configs), cacheCapacity);
    }

    public CachedSchemaRegistryClient(String baseUrl, int cacheCapacity) {
        this(List.of(baseUrl.split(",")), cacheCapacity, Map.of());
    }

    public CachedSchemaRegistryClient(RestService rest, int cacheCapacity) {
        this.rest = rest;
        this.schemasById = new BoundedCache<>(cacheCapacity);
        this.idsBySchema = new BoundedCache<>(cacheCapacity);
        this.serializedById = new BoundedCache<>(cacheCapacity);
    }

    @Override
    public int register(String subject, SchemaString schema, boolean normalize) throws IOException, RestClientException {
        SubjectSchema key = new SubjectSchema(subject, schema, normalize);
        return idsBySchema.get(key, () -> {
            JsonNode answer = rest.post(subjectPath(subject) + "/versions" + normalizeQuery(normalize), body(schema));
            int id = answer.path("id").asInt();
            schemasById.put(id, schema);
            return id;
        });
    }

    @Override
    public int getId(String subject, SchemaString schema, boolean normalize) throws IOException, RestClientException {
        SubjectSchema key = new SubjectSchema(subject, schema, normalize);
        return idsBySchema.get(key, () -> rest.post(subjectPath(subject) + normalizeQuery(normalize), body(schema))
                .path("id").asInt());
    }

    @Override
    public SchemaString getSchemaById(int id) throws IOException, RestClientException {
        return schemasById.get(id, () -> schemaString(rest.get("/schemas/ids/" + id)));
    }

    @Override
    public SchemaString getSchemaById(int id, String format) throws IOException, RestClientException {
        if (format == null || format.isEmpty()) {
            return getSchemaById(id);
        }
        if (!SERIALIZED.equals(format)) {
            return schemaString(rest.get("/schemas/ids/" + id + "?format=" + RestService.encode(format)));
        }
        return serializedById.get(id, () -> schemaString(rest.get("/schemas/ids/" + id + "?format=" + SERIALIZED)));
    }

    @Override
    public SchemaMetadata getLatestSchemaMetadata(String subject) throws IOException, RestClientException {
        JsonNode answer = rest.get(subjectPath(subject) + "/versions/latest");
        return new SchemaMetadata(answer.path("id").asInt(), answer.path("version").asInt(),
                answer.path("subject").asText(subject), schemaString(answer));
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + RestService.encode(subject);
    }

    private static String normalizeQuery(boolean normalize) {
        return normalize ? "?normalize=true" : "";
    }

    /** The request body; Confluent's client leaves {@code schemaType} out for Avro. */
    private static Map<String, Object> body(SchemaString schema) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!SchemaString.AVRO.equals(schema.schemaType())) {
            body.put("schemaType", schema.schemaType());
        }
        body.put("schema", schema.schema());
        return body;
    }

    private static SchemaString schemaString(JsonNode answer) {
        JsonNode type = answer.get("schemaType");
        return new SchemaString(type == null || type.isNull() ? null : type.asText(), answer.path("schema").asText());
    }
}
