package io.karapace.jvm.schema.protobuf;

import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import io.karapace.jvm.schema.SchemaReference;
import java.util.Map;

/**
 * A parsed {@code .proto} file with the files it may import: the referenced schemas by import path
 * (each with the subject version it came from) and Google's well-known types.
 */
record ProtoSources(ProtoFileElement main, Map<String, ProtoFileElement> referenced,
                    Map<String, SchemaReference> references) {

    ProtoSources {
        referenced = Map.copyOf(referenced);
        references = Map.copyOf(references);
    }

    /** The file an import path names, a referenced schema before a well-known type of that path. */
    ProtoFileElement dependency(String path) {
        ProtoFileElement file = referenced.get(path);
        return file != null ? file : WellKnownProtos.files().get(path);
    }
}
