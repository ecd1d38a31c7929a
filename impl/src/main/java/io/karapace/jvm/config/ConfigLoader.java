package io.karapace.jvm.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link Config} from defaults, then an optional JSON file, then {@code KARAPACE_*}
 * environment variables (blank ones ignored; names matched case-insensitively). Pure: reads only the
 * file it is given and the map it is handed.
 */
public final class ConfigLoader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A loaded configuration and what was odd about its sources (e.g. unknown keys). */
    public record Loaded(Config config, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    private static final String ENV_PREFIX = "KARAPACE_";

    private ConfigLoader() {
    }

    /** @throws ConfigException on the first unreadable file or invalid value */
    public static Loaded load(Optional<Path> file, Map<String, String> env) {
        List<String> warnings = new ArrayList<>();
        Map<ConfigKey, JsonNode> fromFile = file.map(path -> readFile(path, warnings)).orElse(Map.of());
        Map<String, String> upperEnv = upperCaseNames(env);
        refuseUnknownSecurityVariables(upperEnv);
        Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            values.put(key, resolve(key, fromFile.get(key), upperEnv, file, warnings));
        }
        checkAServiceIsOn(values);
        return new Loaded(new Config(values), warnings);
    }

    private static Object resolve(ConfigKey key, JsonNode fileValue, Map<String, String> env, Optional<Path> file,
                                  List<String> warnings) {
        for (String name : key.envNames()) {
            String text = env.get(name);
            if (text != null && !text.isBlank()) {
                if (key.aliases().stream().anyMatch(alias -> name.equalsIgnoreCase(ENV_PREFIX + alias))) {
                    warnings.add("Environment variable " + name + " is an alias of " + key.envNames().get(0));
                }
                return parse(key, text, "environment variable " + name, warnings);
            }
        }
        if (fileValue == null) {
            return key.defaultValue();
        }
        String source = file.map(Path::toString).orElseThrow();
        if (fileValue.isNull()) {
            if (key.nullable()) {
                return null;
            }
            throw invalid(key, "null", source);
        }
        if (fileValue.isContainerNode()) {
            throw invalid(key, fileValue.toString(), source);
        }
        return parse(key, fileValue.asText(), source, warnings);
    }

    private static Object parse(ConfigKey key, String text, String source, List<String> warnings) {
        Object value = key.rule().parse(text).orElseThrow(() -> invalid(key, text, source));
        key.rule().aliasOf(text).ifPresent(choice -> warnings.add("Value '" + text.trim() + "' of configuration "
                + key.key() + " (set in " + source + ") is an alias of " + choice));
        return value;
    }

    private static ConfigException invalid(ConfigKey key, String text, String source) {
        String shown = key.secret() ? "********" : oneLine(text);
        return new ConfigException("Invalid value '" + shown + "' for configuration " + key.key() + ": "
                + key.rule().description() + " (set in " + source + ")");
    }

    private static void checkAServiceIsOn(Map<ConfigKey, Object> values) {
        if (!(Boolean) values.get(ConfigKey.KARAPACE_REGISTRY) && !(Boolean) values.get(ConfigKey.KARAPACE_REST)) {
            throw new ConfigException("Invalid configuration: at least one of karapace_registry and karapace_rest"
                    + " must be true");
        }
    }

    /**
     * Names such as {@code server_tls_certfile}, {@code ssl_crlfile}, {@code sasl_oauth_token} or
     * {@code rest_authorization}: ignoring one would leave a server open that its operator meant to close
     * (issue 11, "never silently open").
     */
    static boolean looksLikeSecurity(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return key.contains("_tls_") || key.startsWith("tls_") || key.startsWith("ssl_") || key.startsWith("sasl_")
                || key.contains("auth");
    }

    private static void refuseUnknownSecurityVariables(Map<String, String> upperEnv) {
        Set<String> known = new HashSet<>();
        for (ConfigKey key : ConfigKey.values()) {
            known.addAll(key.envNames());
        }
        upperEnv.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && !known.contains(name) && value != null && !value.isBlank()
                    && looksLikeSecurity(name.substring(ENV_PREFIX.length()))) {
                throw new ConfigException("Unsupported configuration " + name.substring(ENV_PREFIX.length())
                        .toLowerCase(Locale.ROOT) + " (environment variable " + name + "): it looks like a security"
                        + " setting this server does not implement, and security settings are never ignored");
            }
        });
    }

    private static Map<ConfigKey, JsonNode> readFile(Path path, List<String> warnings) {
        JsonNode root = parseFile(path);
        if (!root.isObject()) {
            throw new ConfigException("Configuration file " + path + " must hold a JSON object, not " + kind(root));
        }
        Map<ConfigKey, JsonNode> known = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, JsonNode> aliased = new EnumMap<>(ConfigKey.class);
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey();
            if (ConfigKey.byKey(name).isEmpty() && ConfigKey.byAlias(name).isEmpty() && looksLikeSecurity(name)) {
                throw new ConfigException("Unsupported configuration " + name + " in " + path + ": it looks like a"
                        + " security setting this server does not implement, and security settings are never ignored");
            }
            Optional<ConfigKey> alias = ConfigKey.byAlias(name);
            if (alias.isPresent()) {
                warnings.add("Configuration key '" + name + "' in " + path + " is an alias of '" + alias.get().key()
                        + "'" + (root.has(alias.get().key()) ? ", which is also set and wins" : ""));
                aliased.put(alias.get(), field.getValue());
                continue;
            }
            ConfigKey.byKey(name).ifPresentOrElse(
                    key -> known.put(key, field.getValue()),
                    () -> warnings.add("Unknown configuration key '" + name + "' in " + path + " is ignored"));
        }
        aliased.forEach(known::putIfAbsent);
        return known;
    }

    private static JsonNode parseFile(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + path + ": " + e, e);
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new ConfigException("Configuration file " + path + " is empty; it must hold a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ConfigException("Configuration file " + path + " is not valid JSON: "
                    + oneLine(e.getOriginalMessage()) + at(e.getLocation()), e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + path + ": " + e, e);
        }
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\R", " ");
    }

    /** Exact upper-case names win over other spellings of the same name. */
    private static Map<String, String> upperCaseNames(Map<String, String> env) {
        Map<String, String> upper = new HashMap<>();
        env.forEach((name, value) -> {
            String key = name.toUpperCase(Locale.ROOT);
            if (name.equals(key) || !upper.containsKey(key)) {
                upper.put(key, value);
            }
        });
        return upper;
    }
}
