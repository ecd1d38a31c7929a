package io.karapace.jvm.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Every operation that changes the registry. The primary makes them itself ({@link LocalWrites});
 * any other node hands them to the primary; {@link ElectedWrites} picks one per call as the
 * election stands. Each returns what the HTTP API answers.
 */
public interface RegistryWrites {

    int register(String subject, SchemaRequest request, boolean normalize, WriteOrigin origin);

    int deleteVersion(String subject, VersionSpec spec, boolean permanent, WriteOrigin origin);

    List<Integer> deleteSubject(String subject, boolean permanent, WriteOrigin origin);

    /** {@code update} uses the request's field names ({@code compatibility}); returns the update as echoed. */
    ObjectNode updateConfig(String subject, ObjectNode update, WriteOrigin origin);

    ObjectNode deleteConfig(String subject, WriteOrigin origin);

    Mode updateMode(String subject, String mode, boolean force, WriteOrigin origin);

    Mode deleteMode(String subject, WriteOrigin origin);
}
