package ca.scalloy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of docs/architecture.md: {@code app → ui, cli → store → io → engine; solver → engine}, with each
 * library kept in its room. Main classes only; layers that do not exist yet pass empty.
 */
@AnalyzeClasses(packages = "ca.scalloy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineUsesNoFrameworkAndNoOtherLayer = noClasses()
            .that().resideInAPackage("ca.scalloy.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.sql..", "com.fasterxml.jackson..", "org.apache.pdfbox..", "org.ojalgo..", "picocli..",
                    "ca.scalloy.store..", "ca.scalloy.io..", "ca.scalloy.cli..", "ca.scalloy.ui..", "ca.scalloy.app..",
                    "ca.scalloy.solver..")
            .because("the engine is pure Java (java.base only) so it can be tested, benchmarked and reused without a UI,"
                    + " a database or a particular LP library");

    @ArchTest
    static final ArchRule storeAndIoUseNoJavaFx = noClasses()
            .that().resideInAnyPackage("ca.scalloy.store..", "ca.scalloy.io..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .allowEmptyShould(true)
            .because("persistence and files serve the command line as well as the UI");

    @ArchTest
    static final ArchRule ojalgoOnlyInTheSolverAdapter = noClasses()
            .that().resideOutsideOfPackage("ca.scalloy.solver..")
            .should().dependOnClassesThat().resideInAPackage("org.ojalgo..")
            .because("the LP library sits behind the engine's LinearProgramSolver interface, so it can be swapped");

    @ArchTest
    static final ArchRule jacksonOnlyInIo = noClasses()
            .that().resideOutsideOfPackage("ca.scalloy.io..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("JSON mapping lives in io as DTOs and mappers; engine records carry no annotations");

    @ArchTest
    static final ArchRule pdfLibraryOnlyInIo = noClasses()
            .that().resideOutsideOfPackage("ca.scalloy.io..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..")
            .because("documents are rendered in io from engine data (BatchSheet); nothing else knows the PDF library");

    @ArchTest
    static final ArchRule csvLibraryOnlyInIo = noClasses()
            .that().resideOutsideOfPackage("ca.scalloy.io..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.commons.csv..")
            .because("CSV is read and written in io (spectrometer exports, CsvWriter); the rest hands it rows and values");

    @ArchTest
    static final ArchRule jdbcOnlyInStoreAndApp = noClasses()
            .that().resideOutsideOfPackages("ca.scalloy.store..", "ca.scalloy.app..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..", "org.postgresql..")
            .because("SQL lives in the store's repositories; the UI and the commands call repositories, never SQL");

    @ArchTest
    static final ArchRule flywayOnlyInStore = noClasses()
            .that().resideOutsideOfPackage("ca.scalloy.store..")
            .should().dependOnClassesThat().resideInAPackage("org.flywaydb..")
            .because("schema migrations are the store's business, run when it opens a database");

    @ArchTest
    static final ArchRule logbackOnlyInApp = noClasses()
            .that().resideOutsideOfPackage("ca.scalloy.app..")
            .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..", "org.slf4j.bridge..")
            .because("the log's backend is configured once by the composition root (LogConfigurator); the rest logs through"
                    + " the SLF4J facade only");

    @ArchTest
    static final ArchRule engineAndSolverDoNotLog = noClasses()
            .that().resideInAnyPackage("ca.scalloy.engine..", "ca.scalloy.solver..")
            .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "java.util.logging..")
            .because("the engine and solver are pure functions: what they find goes back as values (warnings, diagnoses),"
                    + " for the caller to show or log");

    @ArchTest
    static final ArchRule picocliOnlyInCliAndApp = noClasses()
            .that().resideOutsideOfPackages("ca.scalloy.cli..", "ca.scalloy.app..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("command-line parsing belongs to the cli commands and the composition root that starts them");

    @ArchTest
    static final ArchRule viewModelsUseNoSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .allowEmptyShould(true)
            .because("view models hold state and logic and are tested without a stage; nodes belong to the views");

    @ArchTest
    static final ArchRule standardOutputOnlyInCli = noClasses()
            .that().resideOutsideOfPackage("ca.scalloy.cli..")
            .should().accessField(System.class, "out")
            .because("only the command line writes to standard output; elsewhere results go through return values or the UI");

    @ArchTest
    static final ArchRule layersDependOnlyDownwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("App").definedBy("ca.scalloy.app..")
            .layer("Ui").definedBy("ca.scalloy.ui..")
            .layer("Cli").definedBy("ca.scalloy.cli..")
            .layer("Store").definedBy("ca.scalloy.store..")
            .layer("Io").definedBy("ca.scalloy.io..")
            .layer("Solver").definedBy("ca.scalloy.solver..")
            .layer("Engine").definedBy("ca.scalloy.engine..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Ui", "Cli", "App")
            .whereLayer("Io").mayOnlyBeAccessedByLayers("Ui", "Cli", "Store", "App")
            .whereLayer("Solver").mayOnlyBeAccessedByLayers("Ui", "Cli", "App")
            .because("app -> ui, cli -> store -> io -> engine, solver -> engine: each layer depends only on the ones below it");
}
