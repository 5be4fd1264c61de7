package com.artisanmarket.system;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules the layout promises (docs/architecture.md, "Parts"), checked on the compiled
 * classes of every module, so a change that breaks one fails the build instead of waiting
 * for a reviewer to notice.
 */
class ArchitectureTests {

	private static final List<String> SERVICES = List.of("artisan", "catalog", "order", "gateway");

	private static final List<String> MODULES = List.of("artisan-service", "catalog-service", "order-service",
			"gateway", "events", "service-support");

	private static final Pattern SPRING_AOT_GENERATED = Pattern.compile(".*/[^/]+__[^/]+\\.class");

	private static JavaClasses classes;

	@BeforeAll
	static void readTheModulesClasses() {
		Path root = Path.of("").toAbsolutePath().getParent();
		Path[] dirs = MODULES.stream()
			.map((module) -> root.resolve(module).resolve("target/classes"))
			.toArray(Path[]::new);
		Stream.of(dirs).forEach((dir) -> assertThat(dir).as("compiled before this test").isDirectory());
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ArchitectureTests::writtenByHand)
			.importPaths(dirs);
		for (String service : SERVICES) {
			assertThat(classes.that(resideInAPackage("com.artisanmarket." + service + "..")))
				.as("classes of %s", service)
				.hasSizeGreaterThan(10);
		}
	}

	/**
	 * Spring AOT writes bean definitions and Spring Data's accessors for the services at
	 * build time (the launcher runs them AOT-processed), into the package of the class
	 * they serve, events included; their names carry Spring's {@code __} separator. The
	 * rules are about the code people write, so those are left out.
	 */
	private static boolean writtenByHand(Location location) {
		return !location.matches(SPRING_AOT_GENERATED);
	}

	@ParameterizedTest(name = "{0} imports no other service")
	@ValueSource(strings = { "artisan", "catalog", "order", "gateway" })
	void noServiceImportsAnother(String service) {
		String[] others = SERVICES.stream()
			.filter((other) -> !other.equals(service))
			.map((other) -> "com.artisanmarket." + other + "..")
			.toArray(String[]::new);
		noClasses().that()
			.resideInAPackage("com.artisanmarket." + service + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(others)
			.because("services talk over HTTP and Kafka, through the events module's contracts")
			.check(classes);
	}

	@Test
	void theEventContractsDependOnNothingFromSpringNorTheServices() {
		noClasses().that()
			.resideInAPackage("com.artisanmarket.events..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "com.artisanmarket.support..", "com.artisanmarket.artisan..",
					"com.artisanmarket.catalog..", "com.artisanmarket.order..", "com.artisanmarket.gateway..")
			.because("every part, and any client of the topics, reads the events without a framework")
			.check(classes);
	}

	@Test
	void controllersHoldNoDatabaseAccess() {
		noClasses().that()
			.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.data.mongodb.core.MongoOperations")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.data.mongodb.core.MongoTemplate")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.data.mongodb.core.ReactiveMongoOperations")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("com.mongodb.client.MongoCollection")
			.because("a controller translates HTTP; the feature's service owns its queries and writes")
			.check(classes);
	}

	@Test
	void everyKafkaListenerReadsThroughTheIdempotentConsumerSupport() {
		classes().that()
			.containAnyMethodsThat(annotatedWith("org.springframework.kafka.annotation.KafkaListener"))
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("com.artisanmarket.support.messaging.IncomingEvents")
			.because("IncomingEvents checks, traces and dead-letters every record; the listener then applies "
					+ "the event once (AppliedEvents)")
			.check(classes);
	}

}
