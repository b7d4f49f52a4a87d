package dev.tensorloom.execution.data;

import dev.tensorloom.model.shape.DType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The pass over a user CSV file before DJL reads it: DJL's {@code CsvDataset} fails on a bad cell with
 * a bare {@code NumberFormatException}, so every mapped cell is checked here first, with the same
 * parser and format, and a problem becomes a {@link DataFileException} naming the file, the line and
 * the column: {@code data.csv:17: column "price": "abc" is not a number}.
 */
final class CsvFileCheck {
    /** The format of the check and of DJL's read: header row, cells trimmed, empty lines skipped. */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setTrim(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
    /** The same, for DJL: the first record names the columns. */
    static final CSVFormat DJL_FORMAT = FORMAT.builder().setHeader().setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
    private static final char BOM = '\uFEFF';
    /** Whole numbers a float32 holds exactly, since DJL's numeric featurizer parses to float. */
    private static final double LARGEST_CLASS = 1 << 24;

    private final Map<String, String> headerKey;
    private final int[] lines;

    private CsvFileCheck(Map<String, String> headerKey, int[] lines) {
        this.headerKey = headerKey;
        this.lines = lines;
    }

    /** Checks {@code file} against {@code mapping}; throws the first problem, located. */
    static CsvFileCheck check(Path file, Map<String, CsvField> mapping) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "no such file", e);
        } catch (CharacterCodingException e) {
            throw new DataFileException(file, 0, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        List<CSVRecord> records = parse(file, text);
        if (records.isEmpty() || records.size() == 1 && records.get(0).size() == 1 && records.get(0).get(0).isEmpty()) {
            throw new DataFileException(file, "empty file, expected a header row of column names");
        }
        LineIndex index = new LineIndex(text);
        CSVRecord header = records.get(0);
        int headerLine = index.lineOf(header);
        List<String> names = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i);
            String name = i == 0 && !raw.isEmpty() && raw.charAt(0) == BOM ? raw.substring(1).trim() : raw;
            if (name.isEmpty()) {
                throw new DataFileException(file, headerLine, "column " + (i + 1) + " has no name");
            }
            if (position.putIfAbsent(name, i) != null) {
                throw new DataFileException(file, headerLine, "column \"" + name + "\" appears twice");
            }
            names.add(name);
            keys.put(name, raw);
        }
        List<Cell> cells = new ArrayList<>();
        for (CsvField f : mapping.values()) {
            for (String c : f.columns()) {
                Integer p = position.get(c);
                if (p == null) {
                    throw new DataFileException(file, headerLine, "no column \"" + c + "\" (columns: "
                            + String.join(", ", names) + ")");
                }
                cells.add(new Cell(c, p, f.dtype() == DType.INT64, f.normalized()));
            }
        }
        if (records.size() == 1) {
            throw new DataFileException(file, "no data rows after the header");
        }
        int[] lines = new int[records.size() - 1];
        double[] first = new double[cells.size()];
        boolean[] varies = new boolean[cells.size()];
        for (int r = 1; r < records.size(); r++) {
            CSVRecord record = records.get(r);
            int line = index.lineOf(record);
            lines[r - 1] = line;
            if (record.size() != names.size()) {
                throw new DataFileException(file, line, "expected " + names.size() + " cells, found " + record.size());
            }
            for (int i = 0; i < cells.size(); i++) {
                double v = cells.get(i).number(file, line, record.get(cells.get(i).position()));
                varies[i] |= r > 1 && v != first[i];
                first[i] = r == 1 ? v : first[i];
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).normalized() && !varies[i]) {
                throw new DataFileException(file, headerLine, "column \"" + cells.get(i).name()
                        + "\" holds one value on every row, so it cannot be normalized");
            }
        }
        return new CsvFileCheck(keys, lines);
    }

    private static List<CSVRecord> parse(Path file, String text) {
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            List<CSVRecord> records = new ArrayList<>();
            try {
                for (CSVRecord r : parser) {
                    records.add(r);
                }
            } catch (UncheckedIOException e) {
                // broken quoting: commons-csv counts the line it stopped on; keep its reason, not its location
                String reason = String.valueOf(e.getCause().getMessage()).replaceAll(" at line: \\d+, position: \\d+", "");
                throw new DataFileException(file, (int) Math.max(1, parser.getCurrentLineNumber()),
                        "malformed CSV: " + reason, e);
            }
            return records;
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The column's name as DJL sees it in the header (with a byte-order mark, for the first column). */
    String headerKey(String column) {
        return headerKey.get(column);
    }

    /** Data rows. */
    int rows() {
        return lines.length;
    }

    /** The 1-based file line of data row {@code row}. */
    int line(int row) {
        return lines[row];
    }

    /** A mapped column: where it is and what it must hold. */
    private record Cell(String name, int position, boolean whole, boolean normalized) {
        double number(Path file, int line, String text) {
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw problem(file, line, text, "is not a number");
            }
            if (!Double.isFinite(v)) {
                throw problem(file, line, text, "is not a finite number");
            }
            if (whole && v != Math.rint(v)) {
                throw problem(file, line, text, "is not a whole number");
            }
            if (whole && (v < 0 || v > LARGEST_CLASS)) {
                throw problem(file, line, text, "is not a class index (0 to " + (long) LARGEST_CLASS + ")");
            }
            return v;
        }

        private DataFileException problem(Path file, int line, String text, String what) {
            return new DataFileException(file, line, "column \"" + name + "\": \"" + text + "\" " + what);
        }
    }

    /** Character offsets to 1-based line numbers. */
    private static final class LineIndex {
        private final String text;
        private final int[] starts;

        LineIndex(String text) {
            this.text = text;
            List<Integer> s = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n' || text.charAt(i) == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                    s.add(i + 1);
                }
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The line a record starts on; its reported position may sit before skipped empty lines. */
        int lineOf(CSVRecord record) {
            int p = (int) record.getCharacterPosition();
            while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
                p++;
            }
            int i = Arrays.binarySearch(starts, p);
            return (i >= 0 ? i : -i - 2) + 1;
        }
    }
}
