package io.karapace.jvm.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3629 section 4: the well-formed byte sequences pass unchanged, every other one is a 400. */
class StrictUtf8Test {
    @Test
    void wellFormedTextPassesUnchanged() throws IOException {
        byte[] text = "{\"s\":\"a é € \uFFFF \uD83D\uDE00 \u0000\"}".getBytes(StandardCharsets.UTF_8);
        try (InputStream in = StrictUtf8.checked(new ByteArrayInputStream(text))) {
            assertArrayEquals(text, in.readAllBytes());
        }
    }

    @Test
    void singleByteReadsAreCheckedToo() throws IOException {
        try (InputStream in = StrictUtf8.checked(new ByteArrayInputStream(HexFormat.of().parseHex("61c0af")))) {
            assertEquals('a', in.read());
            assertThrows(WebApplicationException.class, in::read);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "c0af", "c080", "c1bf",        // overlong two-byte forms
        "e080af", "e09fbf",            // overlong three-byte forms
        "f08080af", "f08fbfbf",        // overlong four-byte forms
        "eda080", "edbfbf",            // UTF-16 surrogates
        "f4908080", "f5808080", "ff",  // above U+10FFFF, bytes never used
        "80", "bf",                    // a continuation byte without a start
        "c328", "e282", "f09f98"       // a start byte without its continuations
    })
    void malformedSequencesAre400(String hex) {
        byte[] bytes = HexFormat.of().parseHex("22" + hex + (isTruncated(hex) ? "" : "22"));
        WebApplicationException refused = assertThrows(WebApplicationException.class, () -> {
            try (InputStream in = StrictUtf8.checked(new ByteArrayInputStream(bytes))) {
                in.readAllBytes();
            }
        });
        assertEquals(400, refused.getResponse().getStatus());
    }

    /** The truncated cases end the body inside their sequence, so nothing follows them. */
    private static boolean isTruncated(String hex) {
        return hex.equals("e282") || hex.equals("f09f98");
    }
}
