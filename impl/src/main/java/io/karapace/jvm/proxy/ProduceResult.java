package io.karapace.jvm.proxy;

import java.util.List;

/**
 * The answer to a produce request: the schema ids used (null when none) and one outcome per record,
 * in request order.
 */
public record ProduceResult(Integer keySchemaId, Integer valueSchemaId, List<RecordOutcome> offsets) {

    public ProduceResult {
        offsets = List.copyOf(offsets);
    }
}
