package dev.tensorloom.execution.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ai.djl.ndarray.NDArray;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Guards the scalar rule of the execution module: DJL's {@code NDArray} arithmetic with a
 * {@code java.lang.Number} wraps the number in a tensor over a buffer that only the Java object keeps
 * alive; autograd may save that tensor, and a garbage collection before backward turns gradients into
 * NaN. Every such call must use a libtorch-owned scalar from {@code Scalars.of} instead.
 */
class NumberScalarArithmeticTest {
    /** The {@code NDArray} methods that take a {@code Number} operand, with their in-place variants. */
    static final Set<String> SCALAR_METHODS = Set.of("add", "sub", "mul", "div", "pow", "maximum", "minimum",
            "addi", "subi", "muli", "divi", "powi", "maximumi", "minimumi");

    /** A call of one of {@link #SCALAR_METHODS} on an {@code NDArray} (or subtype) with one {@code Number}. */
    static final DescribedPredicate<JavaMethodCall> NUMBER_ARITHMETIC = DescribedPredicate.describe(
            "NDArray.add/sub/mul/div/pow/maximum/minimum(Number) (or an in-place variant)",
            call -> SCALAR_METHODS.contains(call.getName())
                    && call.getTarget().getOwner().isAssignableTo(NDArray.class)
                    && call.getTarget().getRawParameterTypes().size() == 1
                    && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(Number.class));

    static final ArchRule RULE = noClasses().that().resideInAPackage("dev.tensorloom.execution..")
            .should().callMethodWhere(NUMBER_ARITHMETIC)
            .because("a Number operand becomes a from_blob tensor that a GC can free before backward; "
                    + "use dev.tensorloom.execution.op.Scalars.of(array, value) instead");

    @Test
    void noNdArrayArithmeticWithANumberInTheExecutionModule() {
        JavaClasses classes = new ClassFileImporter().importPackages("dev.tensorloom.execution");
        RULE.check(classes.that(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(Offender.class))));
    }

    @Test
    void theRuleCatchesANumberOperand() {
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);
        List<String> violations = RULE.evaluate(offender).getFailureReport().getDetails();
        Assertions.assertEquals(2, violations.size(), String.join("\n", violations));
    }

    /** Calls the rule forbids (one on the interface, one in place); never run. */
    static final class Offender {
        static NDArray bad(NDArray a) {
            return a.mul(2f).addi(1);
        }

        static NDArray fine(NDArray a, NDArray b) {
            return a.mul(b).add(b);
        }
    }
}
