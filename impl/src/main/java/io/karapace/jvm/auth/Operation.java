package io.karapace.jvm.auth;

import java.util.Arrays;
import java.util.Optional;

/** What a permission grants, as Karapace's authfile spells it. Write implies Read. */
public enum Operation {
    READ("Read"),
    WRITE("Write");

    private final String fileName;

    Operation(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    static Optional<Operation> byFileName(String name) {
        return Arrays.stream(values()).filter(o -> o.fileName.equals(name)).findFirst();
    }

    /** An entry grants at least Read; only a Write entry grants Write (Karapace 3.9.0 auth.py check_operation). */
    boolean grants(Operation wanted) {
        return wanted == READ || this == WRITE;
    }
}
