package dev.tensorloom.studio;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md on the compiled main classes of every module, and each rule
 * once more on a broken example under {@code archfixture} (test classes), where it must fail.
 */
class ArchitectureRulesTest {
    private static final String FIXTURES = "dev.tensorloom.studio.archfixture";
    private static JavaClasses classes;
    private static JavaClasses broken;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // DO_NOT_INCLUDE_TESTS knows test-classes folders, not test jars: under `mvn verify` another
                // module's tests reach this classpath as its packaged *-tests.jar (the shared test venv).
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.tensorloom");
        broken = new ClassFileImporter().importPackages(FIXTURES);
    }

    /** model-templates is one package, so it has no cycle to look for. */
    @Test
    void noPackageCyclesInsideAnyModule() {
        ArchitectureRules.noPackageCycles("dev.tensorloom.model").check(classes);
        ArchitectureRules.noPackageCycles("dev.tensorloom.canvas").check(classes);
        ArchitectureRules.noPackageCycles("dev.tensorloom.studio").check(classes);
        ArchitectureRules.noRoomCycles("dev.tensorloom.execution").check(classes);
    }

    @Test
    void aCycleFails() {
        assertThrows(AssertionError.class, () -> ArchitectureRules.noPackageCycles(FIXTURES + ".cycle").check(broken));
        assertThrows(AssertionError.class, () -> ArchitectureRules.noRoomCycles(FIXTURES + ".cycle").check(broken));
    }

    @Test
    void viewModelsKnowNoSceneGraph() {
        ArchitectureRules.viewModelsKnowNoSceneGraph("dev.tensorloom.studio").check(classes);
    }

    @Test
    void aViewModelHoldingAControlFails() {
        assertThrows(AssertionError.class, () -> ArchitectureRules.viewModelsKnowNoSceneGraph(FIXTURES).check(broken));
    }

    @Test
    void theCheckpointPlannerIsALeaf() {
        ArchitectureRules.leaf("dev.tensorloom.execution.checkpoint").check(classes);
    }

    @Test
    void aPlannerUsingDjlFails() {
        assertThrows(AssertionError.class, () -> ArchitectureRules.leaf(FIXTURES + ".leaf").check(broken));
    }

    @Test
    void theGraphModelKnowsNoJavaFxAndNoDjl() {
        ArchitectureRules.noJavaFxNoDjl("dev.tensorloom.model").check(classes);
    }

    @Test
    void aModelUsingJavaFxFails() {
        assertThrows(AssertionError.class, () -> ArchitectureRules.noJavaFxNoDjl(FIXTURES + ".model").check(broken));
    }
}
