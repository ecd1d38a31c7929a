package io.karapace.jvm.http.auth;

/** What one generated operation needs from its caller once an authfile is configured (API.md D.2). */
enum OperationRule {
    /** No credentials needed: health, root, schema types, metrics. */
    OPEN,
    /** A known user; list answers are filtered to the subjects the user may read. */
    AUTHENTICATED,
    /** Read on {@code Subject:<subject>}; denied answers as a missing subject (404 40401). */
    SUBJECT_READ,
    /** Write on {@code Subject:<subject>}; denied answers as a missing subject (404 40401). */
    SUBJECT_WRITE,
    /** Read on {@code Config:}; denied answers 403. */
    CONFIG_READ,
    /** Write on {@code Config:}; denied answers 403. */
    CONFIG_WRITE,
    /** Read on one of the subjects using schema {@code id}; denied answers as a missing schema (404 40403). */
    SCHEMA_READ
}
