package io.karapace.jvm.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies that are not well-formed UTF-8 (RFC 3629 section 4), as they are read: every
 * body is JSON, which must be UTF-8 (RFC 8259 section 8.1). Jackson rejects most malformed bytes itself
 * but decodes overlong forms such as {@code C0 AF} for '/', which would smuggle characters past checks
 * on the text; this filter answers those 400 like any other malformed JSON.
 */
@PreMatching
public final class StrictUtf8 implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        if (request.hasEntity()) {
            request.setEntityStream(checked(request.getEntityStream()));
        }
    }

    /** {@code in} as a stream that throws a 400 {@link WebApplicationException} on the first malformed byte. */
    static InputStream checked(InputStream in) {
        return new Checked(in);
    }

    private static WebApplicationException malformed(String what) {
        return new WebApplicationException("Invalid UTF-8 in the request body: " + what, Response.Status.BAD_REQUEST);
    }

    /** Checks the bytes that pass with the RFC 3629 table of well-formed sequences. */
    private static final class Checked extends FilterInputStream {
        private int pending;
        private int low = 0x80;
        private int high = 0xBF;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                atEnd();
            } else {
                check(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                atEnd();
            }
            for (int i = 0; i < n; i++) {
                check(buffer[offset + i] & 0xFF);
            }
            return n;
        }

        private void atEnd() {
            if (pending > 0) {
                throw malformed("truncated sequence at the end");
            }
        }

        private void check(int b) {
            if (pending > 0) {
                if (b < low || b > high) {
                    throw malformed(String.format("byte 0x%02x where a continuation byte was due", b));
                }
                pending--;
                low = 0x80;
                high = 0xBF;
                return;
            }
            if (b < 0x80) {
                return;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw malformed(String.format("byte 0x%02x cannot start a character", b));
            }
        }
    }
}
