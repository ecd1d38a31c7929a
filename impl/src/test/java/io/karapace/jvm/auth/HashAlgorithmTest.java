package io.karapace.jvm.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Password hashing checked against vectors published independently of this code. */
class HashAlgorithmTest {

    /** RFC 6070 section 2 (PBKDF2-HMAC-SHA1). */
    @ParameterizedTest
    @CsvSource({
        "password, salt, 1, 20, 0c60c80f961f0e71f3a9b524af6012062fe037a6",
        "password, salt, 2, 20, ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957",
        "password, salt, 4096, 20, 4b007901b765489abead49d926f721d065a429c1",
        "passwordPASSWORDpassword, saltSALTsaltSALTsaltSALTsaltSALTsalt, 4096, 25,"
                + " 3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038",
    })
    void pbkdf2Sha1MatchesRfc6070(String password, String salt, int iterations, int length, String hex) {
        assertEquals(hex, HexFormat.of().formatHex(HashAlgorithm.pbkdf2(new SHA1Digest(), password.getBytes(UTF_8),
                salt.getBytes(UTF_8), iterations, length)));
    }

    /** RFC 6070 section 2, last vector: NUL bytes inside password and salt. */
    @Test
    void pbkdf2Sha1HandlesNulBytesAsRfc6070() {
        assertEquals("56fa6aa75548099dcc37d7f03425e0c3", HexFormat.of().formatHex(HashAlgorithm.pbkdf2(
                new SHA1Digest(), "pass\0word".getBytes(UTF_8), "sa\0lt".getBytes(UTF_8), 4096, 16)));
    }

    /** RFC 7914 section 11 (PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, dkLen=64). */
    @Test
    void pbkdf2Sha256MatchesRfc7914() {
        assertEquals("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783",
                HexFormat.of().formatHex(HashAlgorithm.pbkdf2(new SHA256Digest(), "passwd".getBytes(UTF_8),
                        "salt".getBytes(UTF_8), 1, 64)));
    }

    /** RFC 7914 section 12, third vector: exactly Karapace's scrypt parameters N=16384, r=8, p=1, dkLen=64. */
    @Test
    void scryptMatchesRfc7914AtKarapaceParameters() {
        assertEquals("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887",
                HexFormat.of().formatHex(HashAlgorithm.SCRYPT.derive("pleaseletmein".getBytes(UTF_8),
                        "SodiumChloride".getBytes(UTF_8))));
    }

    /**
     * Entries of Karapace's own test authfile with the passwords its tests log in with (Karapace
     * tests/integration/config/karapace.auth.json and tests/integration/test_schema_registry_auth.py:
     * admin/admin, aladdin/opensesame, reader/secret).
     */
    @ParameterizedTest
    @CsvSource({
        "scrypt, adminsalt, admin,"
                + " AG7+ttm/skHjqEZ90yzEkgjy75yaqoucNnQPIP2S++1rYOPXEtm4+AF7WdDGj+J0sIPFdYC9nXYsvkB1xYDYkw==",
        "sha512, salt, opensesame,"
                + " uofa7Uw+IolY0GDeCQApTVAUPlBthFYPFQ+QN+kKtXBzSwddiyLrNnIC2UQcA5X+hCL/mHNNqEMA30oIM4oqxA==",
        "sha1, third-salt, secret, SeUTCvKCE8rj6lHFkyFkhopktuY=",
    })
    void karapaceAuthfileEntriesVerify(String algorithm, String salt, String password, String hash) {
        HashAlgorithm chosen = HashAlgorithm.byFileName(algorithm).orElseThrow();
        assertEquals(hash, chosen.hash(password, salt));
        AuthUser user = new AuthUser("u", chosen, salt, hash);
        assertTrue(user.matches(password));
        assertFalse(user.matches(password + "x"));
        assertFalse(user.matches(""));
    }

    /** API.md D.2 names exactly these four algorithms. */
    @Test
    void onlyKarapaceAlgorithmNamesAreKnown() {
        assertEquals(Optional.of(HashAlgorithm.SHA256), HashAlgorithm.byFileName("sha256"));
        assertEquals(Optional.empty(), HashAlgorithm.byFileName("md5"));
        assertEquals(Optional.empty(), HashAlgorithm.byFileName("SHA512"));
    }
}
