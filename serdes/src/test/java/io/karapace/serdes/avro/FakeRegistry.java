package io.karapace.serdes.avro;

import io.karapace.serdes.client.RestClientException;
import io.karapace.serdes.client.SchemaMetadata;
import io.karapace.serdes.client.SchemaRegistryClient;
import io.karapace.serdes.client.SchemaString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-memory registry handing out ids chosen by the test; it records each call. */
final class FakeRegistry implements SchemaRegistryClient {

    final List<String> calls = new ArrayList<>();
    private final Map<Integer, SchemaString> schemas = new HashMap<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, SchemaMetadata> latest = new HashMap<>();
    private int nextId;

    FakeRegistry(int firstId) {
        this.nextId = firstId;
    }

    /** Puts a schema under a subject with this id, as if registered before. */
    FakeRegistry with(String subject, int id, String schema) {
        schemas.put(id, SchemaString.avro(schema));
        ids.put(subject + "|" + schema, id);
        latest.put(subject, new SchemaMetadata(id, 1, subject, SchemaString.avro(schema)));
        return this;
    }

    @Override
    public synchronized int register(String subject, SchemaString schema, boolean normalize) {
        calls.add("register " + subject + (normalize ? " normalize" : ""));
        return ids.computeIfAbsent(subject + "|" + schema.schema(), key -> {
            int id = nextId++;
            schemas.put(id, schema);
            latest.put(subject, new SchemaMetadata(id, 1, subject, schema));
            return id;
        });
    }

    @Override
    public synchronized int getId(String subject, SchemaString schema, boolean normalize) throws RestClientException {
        calls.add("lookup " + subject);
        Integer id = ids.get(subject + "|" + schema.schema());
        if (id == null) {
            throw new RestClientException("Schema not found", 404, 40403);
        }
        return id;
    }

    @Override
    public synchronized SchemaString getSchemaById(int id) throws RestClientException {
        calls.add("schema " + id);
        SchemaString schema = schemas.get(id);
        if (schema == null) {
            throw new RestClientException("Schema " + id + " not found", 404, 40403);
        }
        return schema;
    }

    @Override
    public synchronized SchemaMetadata getLatestSchemaMetadata(String subject) throws RestClientException {
        calls.add("latest " + subject);
        SchemaMetadata metadata = latest.get(subject);
        if (metadata == null) {
            throw new RestClientException("Subject '" + subject + "' not found.", 404, 40401);
        }
        return metadata;
    }
}
