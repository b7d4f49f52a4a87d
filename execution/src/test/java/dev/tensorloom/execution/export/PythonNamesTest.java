package dev.tensorloom.execution.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class PythonNamesTest {
    @Test
    void nodeIdsThatArePythonNamesStayAsTheyAre() {
        assertEquals("enc1", PythonNames.identifier("enc1"));
        assertEquals("head", PythonNames.identifier("head"));
    }

    @Test
    void otherIdsAreSpelledWithUnderscores() {
        assertEquals("fc_2", PythonNames.identifier("fc-2"));
        assertEquals("n_2nd", PythonNames.identifier("2nd"));
        assertEquals("lambda_", PythonNames.identifier("lambda"));
    }

    @Test
    void aNodeCannotHideAMethodOfTheModule() {
        // spp-detector has a node called "predict": as an attribute it hid the model's predict method
        for (String member : new String[] {"predict", "forward", "inverse", "log_det", "decode_boxes", "training",
                "state_dict", "to", "_run_segment", "_segment_0"}) {
            assertEquals(member + "_", PythonNames.identifier(member), member);
        }
    }

    @Test
    void aClashGetsANumericSuffix() {
        PythonNames names = new PythonNames();
        String first = names.claim("fc-2");
        String second = names.claim("fc_2");
        assertEquals("fc_2", first);
        assertNotEquals(first, second);
        assertEquals("fc_2_2", second);
    }
}
