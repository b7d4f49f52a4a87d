package dev.tensorloom.studio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md, checked on the compiled classes of every module; the
 * package rules inside modules are {@link ArchitectureRulesTest}'s.
 */
class ModuleBoundariesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tensorloom");
    }

    @Test
    void executionAndTemplatesKnowNoJavaFx() {
        noClasses().that().resideInAnyPackage("dev.tensorloom.execution..", "dev.tensorloom.templates..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void canvasKnowsNoDjlAndNoExecution() {
        noClasses().that().resideInAPackage("dev.tensorloom.canvas..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "dev.tensorloom.execution..")
                .check(classes);
    }

    @Test
    void lowerModulesDoNotReachUp() {
        noClasses().that().resideInAnyPackage("dev.tensorloom.model..", "dev.tensorloom.execution..",
                        "dev.tensorloom.canvas..", "dev.tensorloom.templates..")
                .should().dependOnClassesThat().resideInAPackage("dev.tensorloom.studio..")
                .check(classes);
    }

    @Test
    void modelDoesNotKnowExecutionOrCanvas() {
        noClasses().that().resideInAPackage("dev.tensorloom.model..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.tensorloom.execution..", "dev.tensorloom.canvas..", "dev.tensorloom.templates..")
                .check(classes);
    }
}
