package io.karapace.jvm.registry;

/**
 * Whether this node may write to the schemas topic now. A node alone is always its own leader;
 * a group-based elector (Confluent's and Karapace's {@code sr} protocol) can take its place.
 */
@FunctionalInterface
public interface Leadership {
    Leadership SINGLE_NODE = () -> true;

    boolean isLeader();
}
