package io.karapace.serdes.client;

import java.io.IOException;

/**
 * The registry calls the serializers need. {@link IOException} means no registry URL could be reached;
 * {@link RestClientException} is an error answer of the registry.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it there) and answers its global id. */
    int register(String subject, SchemaString schema, boolean normalize) throws IOException, RestClientException;

    /** The id of a schema already registered under the subject; 404 (40401/40403) if it is not. */
    int getId(String subject, SchemaString schema, boolean normalize) throws IOException, RestClientException;

    /** The schema with this global id. */
    SchemaString getSchemaById(int id) throws IOException, RestClientException;

    /** Protobuf's {@code format=serialized}: the schema as the base64 of its {@code FileDescriptorProto}. */
    String SERIALIZED = "serialized";

    /**
     * The schema with this global id in a format of {@code GET /schemas/ids/{id}?format=} (API.md A.1:
     * Protobuf {@code serialized} is the base64 of its FileDescriptorProto); null or empty: as registered.
     */
    default SchemaString getSchemaById(int id, String format) throws IOException, RestClientException {
        if (format == null || format.isEmpty()) {
            return getSchemaById(id);
        }
        throw new UnsupportedOperationException("format " + format);
    }

    /** The latest version of the subject. */
    SchemaMetadata getLatestSchemaMetadata(String subject) throws IOException, RestClientException;
}
