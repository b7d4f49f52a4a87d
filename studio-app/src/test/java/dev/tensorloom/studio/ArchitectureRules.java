package dev.tensorloom.studio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture's rules, each written for a package so a test can check it on the real code and on a
 * deliberately broken example ({@code archfixture}), proving that it can fail.
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /** No two packages below {@code root} use each other, directly or through others. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .as("packages below " + root + " form no cycle");
    }

    /**
     * No two rooms below {@code root} use each other, where a room is a package with its sub-packages (an op
     * family is part of {@code op}, which registers it; a session's view probes are part of {@code session}).
     */
    static ArchRule noRoomCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("rooms below " + root + " form no cycle");
    }

    /** View models (classes named {@code *ViewModel}) see no JavaFX scene graph: no control, node or shape. */
    static ArchRule viewModelsKnowNoSceneGraph(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .as("view models below " + root + " know no JavaFX scene graph");
    }

    /** The package is a leaf: it uses only itself, the JDK and JGraphT (no DJL, nothing else of Tensorloom). */
    static ArchRule leaf(String pkg) {
        return classes().that().resideInAPackage(pkg + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(pkg + "..", "java..", "org.jgrapht..")
                .as(pkg + " is a leaf: the JDK and JGraphT only");
    }

    /** The package knows neither JavaFX nor DJL. */
    static ArchRule noJavaFxNoDjl(String pkg) {
        return noClasses().that().resideInAPackage(pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "ai.djl..")
                .as(pkg + " knows no JavaFX and no DJL");
    }
}
