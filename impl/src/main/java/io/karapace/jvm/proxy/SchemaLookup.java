package io.karapace.jvm.proxy;

import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.SchemaType;

/**
 * The proxy's view of a schema registry: in-process, or remote. Failures are {@link ProxyException}s
 * in the proxy's own terms (an invalid schema is 42205, an unreachable registry 50001).
 */
public interface SchemaLookup {

    /** Registers the schema under the subject, or finds it there already; returns its global id. */
    int register(String subject, SchemaType type, String schemaText);

    /** The schema with this global id, parsed; its {@link ParsedSchema#type()} says which language. */
    ParsedSchema schemaById(int id);

    /** The global id of the subject's version; null or -1 names its latest version. */
    int idOfVersion(String subject, Integer version);
}
