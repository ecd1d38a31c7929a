package io.karapace.jvm.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A topic used as a log: one partition, so the order is total, and compacted, so the latest record
 * per key is kept forever. Creates it when missing and refuses an existing one that is neither.
 */
public final class LogTopic {
    private static final Logger LOG = LoggerFactory.getLogger(LogTopic.class);

    private LogTopic() {
    }

    /**
     * Creates {@code topic} if absent (lowering the replication factor to the live broker count,
     * with a warning), else checks it.
     *
     * @throws UnsuitableTopicException when the existing topic has several partitions or is not compacted
     */
    public static void ensure(Admin admin, String topic, int replicationFactor, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        boolean createdHere = !exists(admin, topic, timeout) && created(admin, topic, replicationFactor, timeout);
        if (!createdHere) {
            verify(admin, topic, timeout);
        }
    }

    private static boolean exists(Admin admin, String topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(topic);
    }

    /** False when another process created it first; its settings are then not ours to trust. */
    private static boolean created(Admin admin, String topic, int replicationFactor, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        int brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        int factor = replicationFactor;
        if (factor > brokers) {
            LOG.warn("Creating topic {} with replication factor {} instead of {}: only {} broker(s) alive",
                    topic, brokers, replicationFactor, brokers);
            factor = brokers;
        }
        NewTopic newTopic = new NewTopic(topic, 1, (short) factor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created topic {} (1 partition, compacted, replication factor {})", topic, factor);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }

    private static void verify(Admin admin, String topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        int partitions = description.partitions().size();
        if (partitions != 1) {
            throw new UnsuitableTopicException("Topic " + topic + " has " + partitions
                    + " partitions; it must have exactly 1 so that its records keep one order");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy.trim())) {
            throw new UnsuitableTopicException("Topic " + topic + " has cleanup.policy=" + policy
                    + "; it must be exactly 'compact', or Kafka will delete old records");
        }
    }
}
