package dev.tensorloom.execution.data;

import dev.tensorloom.model.shape.DType;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comma-separated file with a header row of column names, read whole into memory. The columns
 * named in the field mapping must hold finite numbers (whole numbers for label fields); other columns
 * are ignored. Blank lines are skipped. Every problem is a {@link DataFileException} naming the file,
 * the line and the column.
 */
public final class CsvDataset implements ExampleTable {
    private final Path file;
    private final Map<String, CsvField> mapping;
    private final List<FieldSpec> fields = new ArrayList<>();
    /** Per field: row-major values, float[] or long[]. */
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final int rows;

    private CsvDataset(Path file, Map<String, CsvField> mapping, List<double[]> table) {
        this.file = file;
        this.mapping = new LinkedHashMap<>(mapping);
        this.rows = table.size();
        int col = 0;
        for (Map.Entry<String, CsvField> e : mapping.entrySet()) {
            CsvField f = e.getValue();
            int k = f.columns().size();
            fields.add(f.spec(e.getKey()));
            if (f.dtype() == DType.INT64) {
                long[] v = new long[rows * k];
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < k; c++) {
                        v[r * k + c] = (long) table.get(r)[col + c];
                    }
                }
                data.put(e.getKey(), v);
            } else {
                float[] v = new float[rows * k];
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < k; c++) {
                        v[r * k + c] = (float) table.get(r)[col + c];
                    }
                }
                data.put(e.getKey(), v);
            }
            col += k;
        }
    }

    /** Reads {@code file}; {@code mapping} goes from field name to the columns that make it. */
    public static CsvDataset read(Path file, Map<String, CsvField> mapping) {
        if (mapping.isEmpty()) {
            throw new IllegalArgumentException("no fields mapped for " + file);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file, mapping, in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DataFileException(file, 0, "no such file", e);
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static CsvDataset parse(Path file, Map<String, CsvField> mapping, BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (header == null || header.isBlank()) {
            throw new DataFileException(file, "empty file, expected a header row of column names");
        }
        List<String> names = cells(header);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (position.putIfAbsent(names.get(i), i) != null) {
                throw new DataFileException(file, 1, "column '" + names.get(i) + "' appears twice");
            }
        }
        List<Integer> wanted = new ArrayList<>();
        List<String> wantedNames = new ArrayList<>();
        List<Boolean> whole = new ArrayList<>();
        for (CsvField f : mapping.values()) {
            for (String c : f.columns()) {
                Integer p = position.get(c);
                if (p == null) {
                    throw new DataFileException(file, 1, "no column '" + c + "' (columns: "
                            + String.join(", ", names) + ")");
                }
                wanted.add(p);
                wantedNames.add(c);
                whole.add(f.dtype() == DType.INT64);
            }
        }
        List<double[]> table = new ArrayList<>();
        int lineNumber = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() != names.size()) {
                throw new DataFileException(file, lineNumber, "expected " + names.size() + " cells, found "
                        + cells.size());
            }
            double[] row = new double[wanted.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = number(file, lineNumber, wantedNames.get(i), cells.get(wanted.get(i)), whole.get(i));
            }
            table.add(row);
        }
        if (table.isEmpty()) {
            throw new DataFileException(file, "no data rows after the header");
        }
        return new CsvDataset(file, mapping, table);
    }

    private static double number(Path file, int line, String column, String text, boolean whole) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DataFileException(file, line, "column '" + column + "' is not a number: '" + text + "'");
        }
        if (!Double.isFinite(v)) {
            throw new DataFileException(file, line, "column '" + column + "' is not a finite number: '" + text + "'");
        }
        if (whole && (v != Math.rint(v) || Math.abs(v) > 1L << 53)) {
            throw new DataFileException(file, line, "column '" + column + "' is not a whole number: '" + text + "'");
        }
        return v;
    }

    /** Splits on commas, trimming spaces and one pair of surrounding double quotes per cell. */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String c : line.split(",", -1)) {
            String t = c.trim();
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1).trim();
            }
            out.add(t);
        }
        return out;
    }

    public Path file() {
        return file;
    }

    @Override
    public int size() {
        return rows;
    }

    @Override
    public List<FieldSpec> fields() {
        return List.copyOf(fields);
    }

    @Override
    public HostBatch gather(int[] indices) {
        HostBatch.Builder b = HostBatch.builder();
        for (FieldSpec spec : fields) {
            CsvField f = mapping.get(spec.name());
            int k = f.columns().size();
            long[] shape = f.scalar() ? new long[] {indices.length} : new long[] {indices.length, k};
            Object values = data.get(spec.name());
            if (values instanceof long[] v) {
                long[] out = new long[indices.length * k];
                for (int i = 0; i < indices.length; i++) {
                    System.arraycopy(v, indices[i] * k, out, i * k, k);
                }
                b.put(spec.name(), HostArray.ofLongs(out, shape));
            } else {
                float[] v = (float[]) values;
                float[] out = new float[indices.length * k];
                for (int i = 0; i < indices.length; i++) {
                    System.arraycopy(v, indices[i] * k, out, i * k, k);
                }
                b.put(spec.name(), HostArray.ofFloats(out, shape));
            }
        }
        return b.build();
    }
}
