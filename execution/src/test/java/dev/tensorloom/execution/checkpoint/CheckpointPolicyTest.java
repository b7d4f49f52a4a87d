package dev.tensorloom.execution.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CheckpointPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"none", "sqrt", "every-k:4", "revolve:3", "budget:512", "every-k:1"})
    void toStringRoundTrips(String text) {
        CheckpointPolicy policy = CheckpointPolicy.parse(text);
        assertEquals(text, policy.toString());
        assertEquals(policy, CheckpointPolicy.parse(policy.toString()));
    }

    @Test
    void parsesArgumentsAndKinds() {
        assertEquals(new CheckpointPolicy(CheckpointPolicy.Kind.EVERY_K, 4), CheckpointPolicy.parse("every-k:4"));
        assertEquals(CheckpointPolicy.revolve(3), CheckpointPolicy.parse(" Revolve:3 "));
        assertEquals(CheckpointPolicy.none(), CheckpointPolicy.parse("none"));
        assertEquals(CheckpointPolicy.sqrt(), CheckpointPolicy.parse("sqrt"));
    }

    @Test
    void budgetIsInMebibytes() {
        assertEquals(3L * 1_048_576L, CheckpointPolicy.parse("budget:3").budgetBytes());
    }

    @Test
    void unknownNameGetsTheUsageMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckpointPolicy.parse("foo"));
        assertEquals("unknown checkpoint policy 'foo': use none, every-k:K, sqrt, revolve:S or budget:MB", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"every-k", "every-k:", "every-k:0", "every-k:-2", "every-k:x", "revolve", "revolve:0",
            "budget:1.5", "sqrt:2", "none:1", "", "budget:99999999999999999999"})
    void badInputIsRejectedOnOneLine(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckpointPolicy.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("use none, every-k:K, sqrt, revolve:S or budget:MB"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void nullIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CheckpointPolicy.parse(null));
    }
}
