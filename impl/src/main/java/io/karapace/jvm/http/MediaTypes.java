package io.karapace.jvm.http;

import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The registry's response media types and Confluent's choice among them: the client's weight times
 * the server's (v1+json 1.0, schemaregistry+json 0.9, application/json 0.5), ties to the server's order.
 */
public final class MediaTypes {
    public static final String SCHEMA_REGISTRY_V1 = "application/vnd.schemaregistry.v1+json";
    public static final MediaType V1 = MediaType.valueOf(SCHEMA_REGISTRY_V1);
    private static final List<MediaType> SERVED = List.of(V1,
            MediaType.valueOf("application/vnd.schemaregistry+json"), MediaType.APPLICATION_JSON_TYPE);
    private static final double[] SERVER_WEIGHTS = {1.0, 0.9, 0.5};

    private MediaTypes() {
    }

    /** The served type an Accept header prefers; v1 when the header is absent or matches none. */
    public static MediaType preferred(String acceptHeader) {
        if (acceptHeader == null || acceptHeader.isBlank()) {
            return V1;
        }
        List<MediaType> accepted = parse(acceptHeader);
        MediaType best = V1;
        double bestScore = 0;
        for (int i = 0; i < SERVED.size(); i++) {
            double score = clientWeight(accepted, SERVED.get(i)) * SERVER_WEIGHTS[i];
            if (score > bestScore) {
                best = SERVED.get(i);
                bestScore = score;
            }
        }
        return best;
    }

    /** Whether a response of this type is one of the registry's JSON types, subject to negotiation. */
    public static boolean isServed(MediaType type) {
        return type != null && SERVED.stream().anyMatch(s -> s.isCompatible(type) && !type.isWildcardType());
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
