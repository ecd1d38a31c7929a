package io.karapace.serdes.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON Schema of a class, as Confluent's {@code io.confluent.kafka.schemaregistry.annotations.Schema}:
 * {@code KafkaJsonSchemaSerializer} registers it for instances of the annotated class. Confluent's
 * {@code refs} (schema references) are not supported.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Schema {

    /** The JSON Schema text. */
    String value();
}
