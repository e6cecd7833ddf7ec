package org.parkhub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The directions the packages may point in: start-up wiring ({@code platform}) above every stage and imported by
 * none, no cycle between packages, and the low packages (the canonical model, the shared guards, the setting
 * declarations) importing no stage, so that a stage can be read, tested and changed without the wiring.
 */
@AnalyzeClasses(packages = "org.parkhub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NOTHING_IMPORTS_THE_START_UP_WIRING = noClasses()
            .that().resideOutsideOfPackage("org.parkhub.platform..")
            .should().dependOnClassesThat().resideInAPackage("org.parkhub.platform..")
            .because("stages declare what they need (settings records, metrics interfaces) and the wiring hands it in");

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.parkhub.(*)..").should().beFreeOfCycles();

    /** Every package that does a part of the work, or starts it. */
    private static final String[] STAGES = {"org.parkhub.admin..", "org.parkhub.alert..", "org.parkhub.customs..",
        "org.parkhub.declaration..", "org.parkhub.delivery..", "org.parkhub.fixtures..", "org.parkhub.ftp..", "org.parkhub.http..",
        "org.parkhub.ingest..", "org.parkhub.journal..", "org.parkhub.participant..", "org.parkhub.platform..",
        "org.parkhub.precheck..",
        "org.parkhub.routing..", "org.parkhub.simulator..", "org.parkhub.validate..", "db.migration.."};

    @ArchTest
    static final ArchRule THE_MODEL_IMPORTS_NO_STAGE = noClasses()
            .that().resideInAPackage("org.parkhub.model..")
            .should().dependOnClassesThat().resideInAnyPackage(STAGES)
            .orShould().dependOnClassesThat().resideInAPackage("org.parkhub.guard..");

    @ArchTest
    static final ArchRule THE_GUARDS_IMPORT_NO_STAGE = noClasses()
            .that().resideInAPackage("org.parkhub.guard..")
            .should().dependOnClassesThat().resideInAnyPackage(STAGES);

    @ArchTest
    static final ArchRule THE_SETTING_DECLARATIONS_IMPORT_NOTHING_OF_THE_HUB = noClasses()
            .that().resideInAPackage("org.parkhub.config..")
            .should().dependOnClassesThat().resideInAnyPackage(STAGES)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.parkhub.guard..", "org.parkhub.model..");
}
