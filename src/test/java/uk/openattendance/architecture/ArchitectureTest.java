package uk.openattendance.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.openattendance.security.Actor;
import uk.openattendance.security.ParentScope;
import uk.openattendance.security.SchoolScope;

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

    /**
     * Features form layers, not a knot: with one cycle, a change anywhere can break anywhere and no feature can be read,
     * tested or split out alone. A lower feature that needs a higher one's data owns a port the higher one implements.
     */
    @Test
    void featureSlicesHaveNoCycles() {
        slices().matching("uk.openattendance.(*)..").should().beFreeOfCycles()
                .because("platform is the kernel below every feature, app the edges above them, and between them features depend one way")
                .check(main);
    }

    @Test
    void platformDependsOnNoFeature() {
        noClasses().that().resideInAPackage("uk.openattendance.platform..")
                .should().dependOnClassesThat(resideInAPackage("uk.openattendance..").and(not(resideInAPackage("uk.openattendance.platform.."))))
                .because("the kernel sits below every feature; what assembles features (the demo, bootstrap, the GraphQL endpoint) lives in app")
                .check(main);
    }

    @Test
    void onlyTheApplicationDependsOnTheEdges() {
        noClasses().that().resideOutsideOfPackage("uk.openattendance.app..")
                .should().dependOnClassesThat().resideInAPackage("uk.openattendance.app..")
                .because("app sits above every feature: a feature that reached into it would close a cycle through everything app assembles")
                .check(main);
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

    // ---- tenancy by construction: a school's rows are reached only with a scope the check made ----

    private static final Set<String> CALLERS = Set.of(Actor.class.getName(), SchoolScope.class.getName(), ParentScope.class.getName());

    /**
     * Public methods of application services that take no caller. Each is an entry point with no signed-in caller (it
     * makes its own job scope for one school and purpose), a lookup that answers ids only, or works on values it is
     * given without reading any school's rows. Keep it short: a new method belongs here only with a reason.
     */
    private static final Set<String> NO_CALLER = Set.of(
            // scheduled loops: each claims due work and runs it with a job scope of that work's school
            "schedule.app.Scheduler.tick", "notify.app.Dispatcher.dispatchDue", "webhooks.app.WebhookDispatcher.dispatchDue",
            // Twilio's webhooks, authenticated by its signature: a delivery receipt, an inbound text (routed to one school's scope)
            "notify.app.Dispatcher.receipt", "notify.app.InboundTexts.receive",
            // texts a crashed instance left RECEIVED, run from the dispatcher's tick; each is routed to one school's scope as receive does
            "notify.app.InboundTexts.sweepCrashed",
            // the parents' sign-in: nobody is signed in yet; each makes a PARENT_SIGN_IN scope of the school in the path
            "parent.app.ParentSignIn.start", "parent.app.ParentSignIn.verify",
            // which schools an inbound text could be for: school ids only, read before any scope exists
            "roll.app.ContactService.schoolsOfMobile", "notify.app.Outbox.schoolsThatTexted",
            // which school or trust a text's To names (ids only), and the sender a school's texts go from (a setting, no pupil's data)
            "school.app.SmsSenders.addressedTo", "school.app.SmsSenders.senderOf",
            // resolving a caller: a trust role reaches every school of the trust
            "school.app.SchoolService.schoolIdsInTrust",
            // a school's zone, calendar, timings and policy: no pupil's data, needed on every path before any check
            "register.app.SchoolDay.of", "register.app.SchoolDay.policy",
            // the same settings through the ports notify (zone, messaging rules) and schedule (today, zone) own
            "register.app.SchoolDay.zone", "register.app.SchoolDay.messaging", "register.app.SchoolDay.today",
            // the message sink and the letter renderer: they act on the message or text they are handed, and read no rows
            "notify.app.StoredMessages.send", "letters.app.LetterRenderer.check", "letters.app.LetterRenderer.merge",
            "letters.app.LetterRenderer.wellFormed", "letters.app.LetterRenderer.pdf", "letters.app.LetterRenderer.pages",
            "letters.app.LetterRenderer.unsafe",
            // the public half of the ledger's seal key: anyone may check a seal's signature, and it names no school
            "register.app.LedgerSeals.publicKey");

    @Test
    void everyPublicApplicationMethodTakesTheCallerOrAScope() {
        List<String> missing = new java.util.ArrayList<>();
        Set<String> allowed = new TreeSet<>();
        for (JavaClass c : main) {
            if (!c.getPackageName().endsWith(".app") || !c.getModifiers().contains(JavaModifier.PUBLIC) || c.isRecord() || c.isEnum()
                    || c.isInterface() || !c.isAnnotatedWith("jakarta.inject.Singleton") || c.isNestedClass()) {
                continue;
            }
            for (JavaMethod m : c.getMethods()) {
                if (!m.getModifiers().contains(JavaModifier.PUBLIC) || m.getModifiers().contains(JavaModifier.SYNTHETIC)
                        || m.getModifiers().contains(JavaModifier.BRIDGE) || m.getModifiers().contains(JavaModifier.STATIC)) {
                    continue;
                }
                String name = c.getFullName().substring("uk.openattendance.".length()) + "." + m.getName();
                if (takesCaller(m)) {
                    continue;
                }
                if (NO_CALLER.contains(name)) {
                    allowed.add(name);
                } else {
                    missing.add(name + m.getRawParameterTypes().stream().map(JavaClass::getSimpleName).toList());
                }
            }
        }
        assertThat(missing).as("public application methods with no Actor, SchoolScope or ParentScope parameter (take one, or make the method "
                + "package-private; an entry point with no caller goes in NO_CALLER with its reason)").isEmpty();
        assertThat(allowed).as("entries of NO_CALLER that no longer exist (remove them)").containsExactlyInAnyOrderElementsOf(NO_CALLER);
    }

    /**
     * Taking the caller is not enough: a method must check it (or hand it on to one that does), so a forgotten
     * {@code require} cannot reach a store with a bare school id.
     */
    @Test
    void everyApplicationMethodThatTakesTheCallerChecksItOrHandsItOn() {
        List<String> unchecked = new java.util.ArrayList<>();
        for (JavaClass c : main) {
            if (!c.getPackageName().endsWith(".app") || !c.isAnnotatedWith("jakarta.inject.Singleton")) {
                continue;
            }
            for (JavaMethod m : c.getMethods()) {
                boolean takesActor = m.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(Actor.class));
                if (m.getModifiers().contains(JavaModifier.PUBLIC) && takesActor && !usesCaller(c, m, new java.util.HashSet<>())) {
                    unchecked.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(unchecked).as("methods that take an Actor but never check it nor pass it on").isEmpty();
    }

    /** The caller or a scope, alone or in a collection (a trust's schools). */
    private static boolean takesCaller(JavaMethod m) {
        return m.getParameterTypes().stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()).anyMatch(t -> CALLERS.contains(t.getFullName()));
    }

    private static final Set<String> CHECKS = Set.of("require", "can", "administersTrust", "platformAdmin", "isSystem", "kind", "schools");

    private static boolean usesCaller(JavaClass owner, JavaMethod m, Set<String> seen) {
        if (!seen.add(m.getFullName())) {
            return false;
        }
        for (JavaMethodCall call : m.getMethodCallsFromSelf()) {
            if (call.getTargetOwner().isEquivalentTo(Actor.class) && CHECKS.contains(call.getName())) {
                return true;
            }
            if (call.getTarget().getParameterTypes().stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()).anyMatch(t -> CALLERS.contains(t.getFullName()))) {
                return true; // handed on with the caller or the scope its check returned
            }
        }
        // a check inside a lambda (e.g. filtering by actor.can) is compiled into lambda$name$n of the same class
        return owner.getMethods().stream().filter(l -> l.getName().startsWith("lambda$" + m.getName() + "$")).anyMatch(l -> usesCaller(owner, l, seen));
    }

    @Test
    void onlySecurityMakesActorsAndScopes() {
        DescribedPredicate<JavaConstructorCall> makesOne = DescribedPredicate.describe("makes an Actor, SchoolScope or ParentScope",
                call -> CALLERS.contains(call.getTargetOwner().getFullName()));
        noClasses().that().resideOutsideOfPackage("uk.openattendance.security")
                .should().callConstructorWhere(makesOne)
                .because("a scope is the proof that the check passed; only the check may make one")
                .check(main);
    }

    @Test
    void theEverythingActorIsOnlyForTheDemoLoaderAndTheDayPlanner() {
        DescribedPredicate<JavaMethodCall> everything = DescribedPredicate.describe("makes the actor with every permission everywhere",
                call -> call.getTargetOwner().isEquivalentTo(Actor.class) && Set.of("bootstrap", "system").contains(call.getName()));
        noClasses().that().doNotHaveFullyQualifiedName("uk.openattendance.app.demo.DemoTrustLoader")
                .and().doNotHaveFullyQualifiedName("uk.openattendance.schedule.app.Scheduler")
                .and().resideOutsideOfPackage("uk.openattendance.security")
                .should().callMethodWhere(everything)
                .because("scheduled work runs with SchoolScope.forJob: one school, one purpose; only creating the demo trust and listing the schools "
                        + "to plan need every school")
                .check(main);
    }

    /** Where work starts that no signed-in caller asked for; each makes a scope of one school for one purpose. */
    private static final Set<String> JOB_ENTRY_POINTS = Set.of(
            "uk.openattendance.schedule.app.Scheduler", // each job, with its handler's purpose
            "uk.openattendance.register.app.SchoolDay", // school settings, read on every path
            "uk.openattendance.absence.app.SmsReplyHandler", // an inbound text, once its school is known
            "uk.openattendance.followup.app.FirstDayGuard", // the dispatcher re-reading before a first-day text goes
            "uk.openattendance.followup.app.CorrectionListener", // a corrected mark's correction text
            "uk.openattendance.letters.app.LeaveDecisionLetters", // the letter a headteacher's decision calls for
            "uk.openattendance.parent.app.ParentSignIn", // before a parent is signed in
            "uk.openattendance.parent.app.StatusNotices", // a family told that their report or request changed
            "uk.openattendance.parent.web.SchoolOriginFilter"); // CORS for the parents' pages

    @Test
    void jobScopesAreMadeOnlyWhereUnsignedWorkStarts() {
        DescribedPredicate<JavaMethodCall> forJob = DescribedPredicate.describe("makes a job scope",
                call -> call.getTargetOwner().isEquivalentTo(SchoolScope.class) && call.getName().equals("forJob"));
        noClasses().that(DescribedPredicate.describe("are not a named entry point", (JavaClass c) -> !JOB_ENTRY_POINTS.contains(c.getFullName())))
                .and().resideOutsideOfPackage("uk.openattendance.security")
                .should().callMethodWhere(forJob)
                .because("a service that a signed-in caller reaches passes on the scope its check returned, never one it makes")
                .check(main);
    }

    @Test
    void parentScopesAreMadeOnlyByTheParentCheck() {
        DescribedPredicate<JavaMethodCall> parentScope = DescribedPredicate.describe("makes a parent scope",
                call -> call.getTargetOwner().isEquivalentTo(ParentScope.class) && Set.of("of", "schoolOf").contains(call.getName()));
        noClasses().that().doNotHaveFullyQualifiedName("uk.openattendance.parent.app.ParentPortal")
                .and().resideOutsideOfPackage("uk.openattendance.security")
                .should().callMethodWhere(parentScope)
                .because("a parent reaches only the children the parent feature found for them")
                .check(main);
    }
}
