package io.karapace.jvm.auth;

/** A user whose password was checked against the authfile. */
public record Principal(String username) {
}
