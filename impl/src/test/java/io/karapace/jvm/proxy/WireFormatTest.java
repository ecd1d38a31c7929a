package io.karapace.jvm.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void aFrameIsAZeroByteTheIdInFourBigEndianBytesThenThePayload() {
        byte[] framed = WireFormat.frame(0x01020304, new byte[] {9, 8});

        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 9, 8}, framed);
        assertTrue(WireFormat.isFramed(framed));
        assertEquals(0x01020304, WireFormat.schemaId(framed));
        assertArrayEquals(new byte[] {9, 8}, WireFormat.payload(framed));
    }

    @Test
    void dataWithAnotherFirstByteOrTooShortForAnIdIsNotFramed() {
        assertFalse(WireFormat.isFramed(new byte[] {1, 0, 0, 0, 1}));
        assertFalse(WireFormat.isFramed(new byte[] {0, 0, 0, 1}));
        assertFalse(WireFormat.isFramed(null));
    }
}
