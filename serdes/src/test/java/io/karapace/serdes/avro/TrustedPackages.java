package io.karapace.serdes.avro;

import org.apache.avro.util.ClassSecurityValidator;

/** Tells Avro's class validator to trust one more class, as users do with -Dorg.apache.avro.SERIALIZABLE_PACKAGES. */
final class TrustedPackages {

    private TrustedPackages() {
    }

    static synchronized void trust(Class<?> type) {
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                ClassSecurityValidator.builder().add(type.getName()).build()));
    }
}
