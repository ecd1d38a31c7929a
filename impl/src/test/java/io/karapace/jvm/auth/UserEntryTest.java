package io.karapace.jvm.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** karapace_mkpasswd's output (Karapace 3.9.0 karapace/auth.py main) and its round trip through the loader. */
class UserEntryTest {

    /** json_encode(result, compact=False, indent=4): Python's json.dumps with indent=4, keys in insertion order. */
    @Test
    void printsPythonIndentedJsonInKarapaceFieldOrder() {
        UserEntry entry = UserEntry.create("aladdin", HashAlgorithm.SHA512, "opensesame", "salt");
        // hash from Karapace tests/integration/config/karapace.auth.json (user aladdin, password opensesame)
        assertEquals("""
                {
                    "username": "aladdin",
                    "algorithm": "sha512",
                    "salt": "salt",
                    "password_hash": "uofa7Uw+IolY0GDeCQApTVAUPlBthFYPFQ+QN+kKtXBzSwddiyLrNnIC2UQcA5X+hCL/mHNNqEMA30oIM4oqxA=="
                }""", entry.toJson());
    }

    /** Karapace omits "username" when -u is not given. */
    @Test
    void withoutUserTheFieldIsLeftOut() {
        assertTrue(!UserEntry.create(null, HashAlgorithm.SHA1, "p", "s").toJson().contains("username"));
    }

    /** secrets.token_urlsafe(16): 16 random bytes as unpadded url-safe base64, 22 characters. */
    @Test
    void randomSaltsLookLikeTokenUrlsafe() {
        String salt = UserEntry.randomSalt();
        assertTrue(salt.matches("[A-Za-z0-9_-]{22}"), salt);
        assertNotEquals(salt, UserEntry.randomSalt());
    }

    @Test
    void everyAlgorithmRoundTripsThroughTheAuthfileLoader() {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            UserEntry entry = UserEntry.create("bob", algorithm, "pässword", null);
            AuthRules rules = AuthFile.parse(("{\"users\": [" + entry.toJson() + "], \"permissions\": []}")
                    .getBytes(StandardCharsets.UTF_8), "mkpasswd");
            AuthUser user = rules.user("bob").orElseThrow();
            assertEquals(algorithm, user.algorithm());
            assertTrue(user.matches("pässword"), algorithm.fileName());
        }
    }
}
