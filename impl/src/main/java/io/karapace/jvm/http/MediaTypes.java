package io.karapace.jvm.http;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;

/**
 * The JSON media types each API answers with, and Confluent's choice among them: the client's
 * weight times the server's, ties to the server's order, the first type when nothing matches.
 * The registry weights v1+json 1.0, schemaregistry+json 0.9 and application/json 0.5; the REST proxy
 * answers vnd.kafka.v2+json unless the client asks for application/json.
 */
public final class MediaTypes {
    public static final String SCHEMA_REGISTRY_V1 = "application/vnd.schemaregistry.v1+json";
    public static final MediaType V1 = MediaType.valueOf(SCHEMA_REGISTRY_V1);
    public static final String KAFKA_V2 = "application/vnd.kafka.v2+json";

    public static final MediaTypes REGISTRY = new MediaTypes(List.of(V1,
            MediaType.valueOf("application/vnd.schemaregistry+json"), MediaType.APPLICATION_JSON_TYPE),
            new double[] {1.0, 0.9, 0.5});
    public static final MediaTypes PROXY = new MediaTypes(List.of(MediaType.valueOf(KAFKA_V2),
            MediaType.APPLICATION_JSON_TYPE), new double[] {1.0, 0.5});
    /** REST proxy v3 answers plain JSON only. */
    public static final MediaTypes PROXY_V3 = new MediaTypes(List.of(MediaType.APPLICATION_JSON_TYPE),
            new double[] {1.0});

    private static final Set<String> PROXY_ROOTS = Set.of("topics", "brokers", "consumers");

    private final List<MediaType> served;
    private final double[] serverWeights;

    private MediaTypes(List<MediaType> served, double[] serverWeights) {
        this.served = served;
        this.serverWeights = serverWeights;
    }

    /** The API a request path (relative, as JAX-RS gives it) belongs to. */
    public static MediaTypes forPath(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        int slash = relative.indexOf('/');
        if ("v3".equals(slash < 0 ? relative : relative.substring(0, slash))) {
            return PROXY_V3;
        }
        return PROXY_ROOTS.contains(slash < 0 ? relative : relative.substring(0, slash)) ? PROXY : REGISTRY;
    }

    /** The served type an Accept header prefers; the first when the header is absent or matches none. */
    public MediaType preferred(String acceptHeader) {
        MediaType best = served.get(0);
        if (acceptHeader == null || acceptHeader.isBlank()) {
            return best;
        }
        List<MediaType> accepted = parse(acceptHeader);
        double bestScore = 0;
        for (int i = 0; i < served.size(); i++) {
            double score = clientWeight(accepted, served.get(i)) * serverWeights[i];
            if (score > bestScore) {
                best = served.get(i);
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Whether a response of this type is a plain JSON answer, subject to negotiation: one of this
     * API's types or the generic JSON errors are written with.
     */
    public boolean isServed(MediaType type) {
        return type != null && !type.isWildcardType() && (served.stream().anyMatch(s -> s.isCompatible(type))
                || MediaType.APPLICATION_JSON_TYPE.isCompatible(type));
    }

    private static double clientWeight(List<MediaType> accepted, MediaType served) {
        double weight = 0;
        for (MediaType wanted : accepted) {
            if (wanted.isCompatible(served)) {
                weight = Math.max(weight, quality(wanted));
            }
        }
        return weight;
    }

    private static double quality(MediaType type) {
        try {
            return Double.parseDouble(type.getParameters().getOrDefault("q", "1"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<MediaType> parse(String header) {
        return java.util.Arrays.stream(header.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .flatMap(s -> {
                    try {
                        return java.util.stream.Stream.of(MediaType.valueOf(s));
                    } catch (IllegalArgumentException e) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .toList();
    }
}
