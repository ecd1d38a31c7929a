package io.karapace.jvm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The domain stays free of HTTP and Kafka (the proxy is a Kafka client by nature); generated contracts are used by the HTTP layer only. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.karapace.jvm");
    }

    /** Top-level packages ({@code registry}, {@code store}, {@code kafka}, ...) depend on each other without cycles. */
    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("io.karapace.jvm.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheHttpLayerSeesJaxRsAndTheGeneratedApi() {
        noClasses().that().resideOutsideOfPackages("io.karapace.jvm.http..", "io.karapace.jvm.api..",
                        "io.karapace.jvm.app..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "io.karapace.jvm.api..",
                        "org.glassfish..")
                .check(classes);
    }

    /** The metrics package reads Kafka's client metrics (a MetricsReporter); it talks to no broker. */
    @Test
    void onlyTheStoreKafkaClusterProxyMetricsAndBackupPackagesTalkToKafka() {
        noClasses().that().resideOutsideOfPackages("io.karapace.jvm.store..", "io.karapace.jvm.kafka..",
                        "io.karapace.jvm.cluster..", "io.karapace.jvm.proxy..", "io.karapace.jvm.metrics..",
                        "io.karapace.jvm.backup.kafka..", "io.karapace.jvm.backup.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "kafka..")
                .check(classes);
    }

    @Test
    void theDomainDoesNotDependOnTheOuterLayers() {
        noClasses().that().resideInAnyPackage("io.karapace.jvm.registry..", "io.karapace.jvm.schema..")
                .should().dependOnClassesThat().resideInAnyPackage("io.karapace.jvm.http..",
                        "io.karapace.jvm.app..", "io.karapace.jvm.config..", "io.karapace.jvm.kafka..",
                        "io.karapace.jvm.cluster..")
                .check(classes);
    }

    @Test
    void theElectionKnowsNothingOfHttpServingOrTheProxy() {
        noClasses().that().resideInAPackage("io.karapace.jvm.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("io.karapace.jvm.http..", "io.karapace.jvm.app..",
                        "io.karapace.jvm.proxy..", "jakarta.ws.rs..")
                .check(classes);
    }

    /** The authfile's rules are a domain of their own: no HTTP, Kafka, config or registry types. */
    @Test
    void authRulesKnowNothingOfHttpOrTheRegistry() {
        noClasses().that().resideInAPackage("io.karapace.jvm.auth..")
                .should().dependOnClassesThat().resideInAnyPackage("io.karapace.jvm.http..", "io.karapace.jvm.app..",
                        "io.karapace.jvm.config..", "io.karapace.jvm.kafka..", "io.karapace.jvm.registry..",
                        "io.karapace.jvm.proxy..", "jakarta..", "org.glassfish..", "org.apache.kafka..")
                .check(classes);
    }

    /**
     * Meters stay at the edges: the domain (registry, schema, store, cluster, proxy, auth) exposes plain counts
     * and knows neither Micrometer nor the metrics package, which binds those counts as meters.
     */
    @Test
    void theDomainKnowsNothingOfMeters() {
        noClasses().that().resideInAnyPackage("io.karapace.jvm.registry..", "io.karapace.jvm.schema..",
                        "io.karapace.jvm.store..", "io.karapace.jvm.cluster..", "io.karapace.jvm.proxy..",
                        "io.karapace.jvm.auth..", "io.karapace.jvm.tls..", "io.karapace.jvm.config..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.karapace.jvm.metrics..")
                .check(classes);
    }

    /** The metrics package binds counts; it serves no HTTP and is wired by the app, never the reverse. */
    @Test
    void metricsKnowNothingOfHttpOrTheApp() {
        noClasses().that().resideInAPackage("io.karapace.jvm.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("io.karapace.jvm.http..", "io.karapace.jvm.app..",
                        "jakarta.ws.rs..", "org.glassfish..")
                .check(classes);
    }

    @Test
    void tlsMaterialKnowsNeitherHttpNorKafka() {
        noClasses().that().resideInAPackage("io.karapace.jvm.tls..")
                .should().dependOnClassesThat().resideInAnyPackage("io.karapace.jvm.http..", "io.karapace.jvm.kafka..",
                        "io.karapace.jvm.app..", "org.apache.kafka..", "jakarta.ws.rs..", "org.glassfish..")
                .check(classes);
    }

    /** Backup formats are files only: no Kafka, HTTP, config or registry; the commands and Kafka I/O sit beside. */
    @Test
    void backupFormatsKnowNeitherKafkaNorHttp() {
        noClasses().that().resideInAPackage("io.karapace.jvm.backup")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "kafka..", "jakarta..",
                        "org.glassfish..", "io.karapace.jvm.http..", "io.karapace.jvm.app..",
                        "io.karapace.jvm.config..", "io.karapace.jvm.registry..", "io.karapace.jvm.backup.cli..",
                        "io.karapace.jvm.backup.kafka..", "picocli..")
                .check(classes);
    }
}
