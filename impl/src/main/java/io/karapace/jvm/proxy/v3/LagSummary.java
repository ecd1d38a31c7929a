package io.karapace.jvm.proxy.v3;

/**
 * A consumer group's lag: the largest lag of one partition, who consumes that partition (null ids
 * when no member is assigned to it) and the sum over all partitions with a committed offset.
 */
public record LagSummary(String groupId, long maxLag, long totalLag, String maxLagTopic, int maxLagPartition,
                         String maxLagConsumerId, String maxLagInstanceId, String maxLagClientId) {
}
