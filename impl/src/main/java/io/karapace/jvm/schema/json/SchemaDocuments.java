package io.karapace.jvm.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A schema with the schemas it references, indexed so {@code $ref}s resolve: a reference's name is the
 * URL the schema uses for it ({@code "$ref": "other.json#/definitions/X"}), resolved against the
 * schema's {@code $id} the way Confluent registers them. Embedded {@code $id}s and anchors resolve too.
 */
final class SchemaDocuments {
    /** Where a schema without {@code $id} lives; Confluent uses the same {@code mem://input} base. */
    static final URI DEFAULT_BASE = URI.create("mem://input/");

    private static final Set<String> DATA_KEYWORDS = Set.of("enum", "const", "default", "examples");

    private final Located main;
    private final Map<URI, Located> resources = new HashMap<>();
    private final Map<String, Located> anchors = new HashMap<>();
    private final Map<String, Located> byRawName = new HashMap<>();
    private final Map<String, String> referenceTexts = new LinkedHashMap<>();
    private final Map<String, JsonNode> referencesByName;

    SchemaDocuments(JsonNode mainNode, Map<String, JsonNode> referencesByName) {
        this.referencesByName = Map.copyOf(referencesByName);
        Draft mainDraft = Draft.of(mainNode);
        main = new Located(mainNode, Located.baseOf(mainNode, DEFAULT_BASE, mainDraft), mainDraft);
        index(main);
        referencesByName.forEach(this::addReference);
    }

    /** The same references around another main schema, such as its normalized form. */
    SchemaDocuments withMain(JsonNode mainNode) {
        return new SchemaDocuments(mainNode, referencesByName);
    }

    Located main() {
        return main;
    }

    /** The referenced schemas' texts by the absolute URI they are known under, for a validator to load. */
    Map<String, String> referenceTexts() {
        return referenceTexts;
    }

    private void addReference(String name, JsonNode node) {
        Draft draft = Draft.of(node);
        URI key = uri(name).map(main.base()::resolve).orElse(null);
        if (key == null) {
            byRawName.put(name, new Located(node, DEFAULT_BASE, draft));
            return;
        }
        Located document = new Located(node, Located.baseOf(node, key, draft), draft);
        resources.putIfAbsent(withoutFragment(key), document);
        resources.putIfAbsent(withoutFragment(DEFAULT_BASE.resolve(key)), document);
        referenceTexts.put(withoutFragment(key).toString(), JsonCodec.write(node));
        index(document);
    }

    private void index(Located at) {
        JsonNode node = at.node();
        if (node.isObject()) {
            resources.putIfAbsent(withoutFragment(at.base()), at);
            JsonNode id = node.path(at.draft().idKeyword());
            if (id.isTextual() && id.asText().startsWith("#")) {
                anchors.put(withoutFragment(at.base()) + id.asText(), at);
            }
            JsonNode anchor = node.path("$anchor");
            if (anchor.isTextual()) {
                anchors.put(withoutFragment(at.base()) + "#" + anchor.asText(), at);
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> index(at.child(child)));
        }
    }

    /** The schema a {@code $ref} written at {@code from} points to, if it is part of this set. */
    Optional<Located> resolve(Located from, String ref) {
        Optional<URI> relative = uri(ref);
        if (relative.isEmpty()) {
            return Optional.ofNullable(byRawName.get(ref));
        }
        URI target = from.base().resolve(relative.get());
        Located document = resources.get(withoutFragment(target));
        if (document == null) {
            document = byRawName.get(ref.split("#", 2)[0]);
        }
        if (document == null) {
            return Optional.empty();
        }
        String fragment = target.getFragment();
        if (fragment == null || fragment.isEmpty()) {
            return Optional.of(document);
        }
        if (fragment.startsWith("/")) {
            return pointer(document, fragment);
        }
        return Optional.ofNullable(anchors.get(withoutFragment(target) + "#" + fragment));
    }

    /** Every {@code $ref} of the schema and its references that points nowhere, with where it was written. */
    List<String> unresolvedRefs() {
        List<String> unresolved = new ArrayList<>();
        collectUnresolved(main, "#", unresolved);
        return unresolved;
    }

    private void collectUnresolved(Located at, String path, List<String> unresolved) {
        JsonNode node = at.node();
        JsonNode ref = node.path("$ref");
        if (ref.isTextual() && resolve(at, ref.asText()).isEmpty()) {
            unresolved.add("'" + ref.asText() + "' at " + path);
        }
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (!DATA_KEYWORDS.contains(field.getKey())) {
                    collectUnresolved(at.child(field.getValue()), path + "/" + field.getKey(), unresolved);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUnresolved(at.child(node.get(i)), path + "/" + i, unresolved);
            }
        }
    }

    private static Optional<Located> pointer(Located document, String pointer) {
        Located at = document;
        for (String encoded : pointer.substring(1).split("/", -1)) {
            String token = encoded.replace("~1", "/").replace("~0", "~");
            JsonNode node = at.node();
            JsonNode next = node.isArray() && token.matches("\\d+") ? node.get(Integer.parseInt(token)) : node.get(token);
            if (next == null) {
                return Optional.empty();
            }
            at = at.child(next);
        }
        return Optional.of(at);
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static URI withoutFragment(URI uri) {
        try {
            return new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null);
        } catch (URISyntaxException e) {
            return uri;
        }
    }
}
