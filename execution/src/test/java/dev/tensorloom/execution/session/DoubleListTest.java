package dev.tensorloom.execution.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoubleListTest {
    @Test
    void growsAndReadsBackEveryValueAsAList() {
        DoubleList list = new DoubleList(List.of(1.5, -0.0));
        List<Double> expected = new ArrayList<>(List.of(1.5, -0.0));
        for (int i = 0; i < 1000; i++) {
            list.add(i / 7.0);
            expected.add(i / 7.0);
        }
        list.addAll(List.of(Double.MAX_VALUE, Double.MIN_VALUE));
        expected.addAll(List.of(Double.MAX_VALUE, Double.MIN_VALUE));
        assertEquals(expected, list);
        assertEquals(expected, List.copyOf(list));
        assertEquals(1004, list.size());
        assertThrows(IndexOutOfBoundsException.class, () -> list.getDouble(list.size()));
    }
}
