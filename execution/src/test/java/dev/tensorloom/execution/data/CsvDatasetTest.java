package dev.tensorloom.execution.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static Map<String, CsvField> xy() {
        Map<String, CsvField> m = new LinkedHashMap<>();
        m.put("x", CsvField.floats("x1", "x2"));
        m.put("y", CsvField.labels("label"));
        return m;
    }

    @Test
    void mappedColumnsBecomeFieldsInRowOrder() throws IOException {
        Path f = write("data.csv", "id, x1, x2, label\n7, 0.5, -1, 2\n\n8, \"1.5\", 3e1, 0\nnine, 2, 2, 1\n");
        CsvDataset d = CsvDataset.read(f, xy());
        assertEquals(3, d.size());
        assertEquals("[x: float32 [B, 2], y: int64 [B]]", d.fields().toString());
        HostBatch b = d.gather(new int[] {2, 0});
        assertArrayEquals(new long[] {2, 2}, b.get("x").shape());
        assertArrayEquals(new float[] {2, 2, 0.5f, -1}, b.get("x").floats());
        assertArrayEquals(new long[] {1, 2}, b.get("y").longs());
        assertArrayEquals(new float[] {1.5f, 30}, d.gather(new int[] {1}).get("x").floats());
    }

    @Test
    void scalarFieldIsRankOne() throws IOException {
        Path f = write("s.csv", "a,b\n1,2\n3,4\n");
        CsvDataset d = CsvDataset.read(f, Map.of("t", CsvField.scalar("b")));
        HostBatch b = d.gather(new int[] {0, 1});
        assertArrayEquals(new long[] {2}, b.get("t").shape());
        assertArrayEquals(new float[] {2, 4}, b.get("t").floats());
    }

    @Test
    void badCellNamesFileLineAndColumn() throws IOException {
        Path f = write("data.csv", "x1,x2,label\n1,2,0\n\n3,abc,1\n");
        DataFileException e = assertThrows(DataFileException.class, () -> CsvDataset.read(f, xy()));
        assertEquals(f + ":4: column \"x2\": \"abc\" is not a number", e.getMessage());
        assertEquals(OptionalInt.of(4), e.line());
        assertEquals(f, e.file());
    }

    @Test
    void otherProblemsAreNamedToo() throws IOException {
        assertEquals(dir.resolve("a.csv") + ":1: no column \"x2\" (columns: x1, label)", message("a.csv",
                "x1,label\n1,0\n"));
        assertEquals(dir.resolve("b.csv") + ":3: expected 3 cells, found 2", message("b.csv",
                "x1,x2,label\n1,2,0\n1,2\n"));
        assertEquals(dir.resolve("c.csv") + ":2: column \"label\": \"1.5\" is not a whole number", message("c.csv",
                "x1,x2,label\n1,2,1.5\n"));
        assertEquals(dir.resolve("d.csv") + ":2: column \"x1\": \"NaN\" is not a finite number", message("d.csv",
                "x1,x2,label\nNaN,2,1\n"));
        assertEquals(dir.resolve("e.csv") + ": empty file, expected a header row of column names",
                message("e.csv", ""));
        assertEquals(dir.resolve("f.csv") + ": no data rows after the header", message("f.csv", "x1,x2,label\n"));
        assertEquals(dir.resolve("g.csv") + ":1: column \"x1\" appears twice", message("g.csv", "x1,x1,x2,label\n"));
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + ": no such file",
                assertThrows(DataFileException.class, () -> CsvDataset.read(missing, xy())).getMessage());
    }

    @Test
    void byteOrderMarkCrlfAndBlankLinesKeepLineNumbersRight() throws IOException {
        Path f = write("bom.csv", "\uFEFFx1,x2,label\r\n1,2,0\r\n\r\n\r\n3,4,1\r\n5,oops,1\r\n");
        DataFileException e = assertThrows(DataFileException.class, () -> CsvDataset.read(f, xy()));
        assertEquals(f + ":6: column \"x2\": \"oops\" is not a number", e.getMessage());
        Files.writeString(f, "\uFEFFx1,x2,label\r\n1,2,0\r\n\r\n3,4,1");
        CsvDataset d = CsvDataset.read(f, xy());
        assertArrayEquals(new float[] {1, 2, 3, 4}, d.gather(new int[] {0, 1}).get("x").floats());
    }

    @Test
    void quotedCellsMayHoldCommasAndBrokenQuotingIsLocated() throws IOException {
        Path f = write("q.csv", "name,x1,x2,label\n\"Smith, J\",1,2,0\n");
        assertArrayEquals(new float[] {1, 2}, CsvDataset.read(f, xy()).gather(new int[] {0}).get("x").floats());
        Files.writeString(f, "name,x1,x2,label\n\"a\",1,2,0\n\"b\"x,1,2,0\n");
        DataFileException e = assertThrows(DataFileException.class, () -> CsvDataset.read(f, xy()));
        assertEquals(f + ":3: malformed CSV: Invalid character between encapsulated token and delimiter", e.getMessage());
    }

    @Test
    void classLabelsAreIndicesFromZero() throws IOException {
        assertEquals(dir.resolve("n.csv") + ":3: column \"label\": \"-1\" is not a class index (0 to 16777216)",
                message("n.csv", "x1,x2,label\n1,2,0\n1,2,-1\n"));
    }

    @Test
    void normalizedColumnsHaveMeanZeroAndUnitDeviationAsDjlComputesThem() throws IOException {
        Path f = write("n.csv", "a,b\n1,10\n2,10\n3,10\n6,10\n");
        CsvDataset d = CsvDataset.read(f, Map.of("x", CsvField.floats("a").normalize()));
        float[] x = d.gather(new int[] {0, 1, 2, 3}).get("x").floats();
        double mean = 3;
        double std = Math.sqrt(((1 - 3) * (1 - 3) + 1 + 0 + 9) / 4.0);
        for (int i = 0; i < 4; i++) {
            assertEquals((new double[] {1, 2, 3, 6}[i] - mean) / std, x[i], 1e-6);
        }
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvDataset.read(f, Map.of("x", CsvField.floats("b").normalize())));
        assertEquals(f + ":1: column \"b\" holds one value on every row, so it cannot be normalized", e.getMessage());
    }

    private String message(String name, String text) throws IOException {
        Path f = write(name, text);
        return assertThrows(DataFileException.class, () -> CsvDataset.read(f, xy())).getMessage();
    }
}
