package hotline;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import hotline.auth.Access;
import hotline.auth.AuthGuard;
import hotline.billing.internal.CisClient;
import hotline.capability.Capability;
import hotline.telephony.switchboard.Switchboard;
import hotline.telephony.switchboard.internal.RecordingStreamer;
import hotline.http.ApiRoutes;
import hotline.notify.internal.HttpJsonSmsGateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the server, as tests (the display name is the field's name). A capability is a package right
 * under {@code hotline} with its sub-packages; its {@code internal} packages are its implementation; its HTTP edge is
 * its route classes ({@link ApiRoutes}) and its {@link Capability} class. The infrastructure ({@code http},
 * {@code health}, {@code capability}, {@code store}, {@code config}, {@code common}) is a capability in this sense too.
 */
@AnalyzeClasses(packages = "hotline",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule capabilities_depend_on_one_another_without_cycles = slices().matching("hotline.(*)..")
            .should().beFreeOfCycles()
            .because("each capability builds only on those below it, so it can be read, tested and changed alone");

    @ArchTest
    static final ArchRule an_internal_package_is_used_by_its_own_capability_only = classes()
            .should(useNoInternalPackageOfAnotherCapability())
            .because("others reach a capability through its public face, so its insides may change freely");

    @ArchTest
    static final ArchRule route_classes_live_in_an_internal_package = classes()
            .that().implement(ApiRoutes.class).and().resideOutsideOfPackage("hotline.http..")
            .should().resideInAPackage("..internal..")
            .because("a capability's public face is its Capability class; how it answers HTTP is its own detail");

    @ArchTest
    static final ArchRule domain_classes_use_no_http_types = noClasses()
            .that().resideInAPackage("hotline.*..")
            .and().resideOutsideOfPackages("hotline.http..", "hotline.health..", "hotline.capability..",
                    "hotline.console..")
            .and().doNotImplement(ApiRoutes.class)
            .and().doNotImplement(Capability.class)
            .and().doNotBelongToAnyOf(AuthGuard.class, Access.class, Switchboard.class, RecordingStreamer.class,
                    CisClient.class, HttpJsonSmsGateway.class)
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx.ext.web..", "io.vertx.core.http..",
                    "hotline.http..")
            .because("the domain runs and is tested without a server; only route classes, capability classes (and "
                    + "the switchboard, telephony's room that hands its routes up, with the file streamer of its routes), the auth guard and the console's "
                    + "pages speak HTTP, and billing's adapter to the utility's billing system and the generic SMS gateway "
                    + "adapter call out over it");

    private static ArchCondition<JavaClass> useNoInternalPackageOfAnotherCapability() {
        return new ArchCondition<>("use no internal package of another capability") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (target.getPackageName().matches("hotline\\..*\\.internal(\\..*)?")
                            && !capability(target).equals(capability(origin))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code hotline.customer} for {@code hotline.customer.internal.CustomerRoutes}; {@code hotline} for the root. */
    private static String capability(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length < 2 ? parts[0] : parts[0] + "." + parts[1];
    }
}
