package io.karapace.jvm.cluster;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How the group leader picks the primary (Karapace's schema_coordinator.perform_assignment, with
 * Confluent's duplicate-URL check): among eligible members, the one whose URL sorts lowest
 * ({@code lowest}, the default) or highest. Two members with one URL make an assignment with error
 * {@link Assignment#DUPLICATE_URLS} and no primary, since writes forwarded to that URL could reach
 * either. With no eligible member Karapace still names a non-eligible one, which refuses to act;
 * we do the same so that a mixed group agrees.
 * <p>Sticky, like Confluent with {@code leader.election.sticky=true}: an eligible member that was the
 * primary until this rebalance keeps the role, so a node that joins or rejoins (a restart, a node
 * added) does not take it over and stop writes for a grace period. The strategy decides when no
 * eligible member was primary, or between several that claim it.
 */
final class PrimaryChoice {
    record Member(String memberId, MemberIdentity identity) {
    }

    enum Strategy { LOWEST, HIGHEST }

    private PrimaryChoice() {
    }

    static Assignment choose(List<Member> members, Strategy strategy) {
        Map<String, List<Member>> byUrl = members.stream()
                .collect(Collectors.groupingBy(m -> m.identity().url(), TreeMap::new, Collectors.toList()));
        if (byUrl.values().stream().anyMatch(same -> same.size() > 1)) {
            return new Assignment(Assignment.DUPLICATE_URLS, null, null);
        }
        List<Member> eligible = members.stream().filter(m -> m.identity().masterEligibility()).toList();
        List<Member> sitting = eligible.stream().filter(m -> m.identity().primary()).toList();
        List<Member> candidates = !sitting.isEmpty() ? sitting : eligible.isEmpty() ? members : eligible;
        Comparator<Member> order = Comparator.comparing(m -> m.identity().url());
        Member chosen = candidates.stream()
                .min(strategy == Strategy.LOWEST ? order : order.reversed())
                .orElse(null);
        return chosen == null ? new Assignment(Assignment.NO_ERROR, null, null)
                : new Assignment(Assignment.NO_ERROR, chosen.memberId(), chosen.identity());
    }

    /** Duplicated URLs, for the log line that explains an assignment without a primary. */
    static List<String> duplicateUrls(List<Member> members) {
        return members.stream().collect(Collectors.groupingBy(m -> m.identity().url(), TreeMap::new,
                        Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }
}
