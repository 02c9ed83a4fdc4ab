package uk.openattendance.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shape STYLE.md asks for, enforced: pure domains, thin edges, persistence private to its feature, one clock. */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("uk.openattendance");
    }

    @Test
    void domainPackagesKnowNoFrameworkNoDatabaseAndNoWeb() {
        noClasses().that().resideInAPackage("uk.openattendance..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "java.sql..", "javax.sql..", "com.fasterxml..",
                        "graphql..", "uk.openattendance..persistence..", "uk.openattendance..web..", "uk.openattendance..graphql..",
                        "uk.openattendance..app..", "java.net.http..", "java.io..")
                .because("a unit test must drive the domain with no database and no framework")
                .check(main);
    }

    @Test
    void restControllersAndGraphqlFetchersNeverTouchPersistence() {
        noClasses().that().resideInAnyPackage("uk.openattendance..web..", "uk.openattendance..graphql..")
                .should().dependOnClassesThat().resideInAPackage("uk.openattendance..persistence..")
                .because("REST and GraphQL call the same application-service methods, which check the caller")
                .check(main);
    }

    @Test
    void eachFeaturesPersistenceIsUsedOnlyByThatFeature() {
        Set<String> features = new TreeSet<>();
        main.stream().map(c -> c.getPackageName()).filter(p -> p.endsWith(".persistence"))
                .forEach(p -> features.add(p.substring(0, p.length() - ".persistence".length())));
        for (String feature : features) {
            noClasses().that().resideOutsideOfPackage(feature + "..")
                    .should().dependOnClassesThat().resideInAPackage(feature + ".persistence..")
                    .because("other features go through " + feature + "'s application service, which checks the caller")
                    .check(main);
        }
    }

    @Test
    void timeComesOnlyFromTheInjectedClock() {
        DescribedPredicate<JavaMethodCall> readsTheSystemClock = DescribedPredicate.describe("reads the system clock", call -> {
            String owner = call.getTargetOwner().getFullName();
            String name = call.getName();
            boolean javaTimeNow = owner.startsWith("java.time.") && name.equals("now") && call.getTarget().getRawParameterTypes().stream()
                    .noneMatch(t -> t.isEquivalentTo(Clock.class));
            boolean systemClock = owner.equals(Clock.class.getName()) && (name.equals("systemUTC") || name.equals("systemDefaultZone"));
            boolean millis = owner.equals(System.class.getName()) && name.equals("currentTimeMillis");
            return javaTimeNow || systemClock || millis;
        });
        noClasses().that().doNotHaveFullyQualifiedName("uk.openattendance.platform.time.ClockFactory")
                .should().callMethodWhere(readsTheSystemClock)
                .because("tests move the one injected Clock; a hidden now() makes registers depend on the wall clock")
                .check(main);
    }
}
