package dev.tensorloom.execution.data;

import ai.djl.basicdataset.tabular.utils.DynamicBuffer;
import ai.djl.basicdataset.tabular.utils.Feature;
import dev.tensorloom.model.shape.DType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comma-separated file with a header row of column names, read whole into memory through DJL's
 * {@code CsvDataset} (commons-csv parsing, numeric featurizers, optional normalization). The columns
 * named in the field mapping must hold finite numbers (whole numbers 0, 1, 2, … for label fields);
 * other columns are ignored. Empty lines are skipped. A {@link CsvFileCheck} pass runs first, so every
 * problem is a {@link DataFileException} naming the file, the line and the column.
 */
public final class CsvDataset implements ExampleTable {
    private final Path file;
    private final Map<String, CsvField> mapping;
    private final List<FieldSpec> fields = new ArrayList<>();
    /** Per field: row-major values, float[] or long[]. */
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final int rows;

    private CsvDataset(Path file, Map<String, CsvField> mapping, Map<String, Object> data, int rows) {
        this.file = file;
        this.mapping = new LinkedHashMap<>(mapping);
        this.rows = rows;
        mapping.forEach((name, f) -> fields.add(f.spec(name)));
        this.data.putAll(data);
    }

    /** Reads {@code file}; {@code mapping} goes from field name to the columns that make it. */
    public static CsvDataset read(Path file, Map<String, CsvField> mapping) {
        if (mapping.isEmpty()) {
            throw new IllegalArgumentException("no fields mapped for " + file);
        }
        CsvFileCheck checked = CsvFileCheck.check(file, mapping);
        ai.djl.basicdataset.tabular.CsvDataset djl = djlDataset(file, mapping, checked);
        if (djl.size() != checked.rows()) {
            throw new DataFileException(file, "changed while it was read (" + checked.rows() + " rows, then "
                    + djl.size() + ")");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        Iterator<Feature> features = djl.getFeatures().iterator();
        for (Map.Entry<String, CsvField> e : mapping.entrySet()) {
            List<Feature> own = new ArrayList<>();
            e.getValue().columns().forEach(c -> own.add(features.next()));
            float[] values = featurize(file, djl, own, checked);
            data.put(e.getKey(), e.getValue().dtype() == DType.INT64 ? whole(values) : values);
        }
        return new CsvDataset(file, mapping, data, checked.rows());
    }

    /** DJL's dataset over the checked file: every mapped column a numeric feature, in mapping order. */
    private static ai.djl.basicdataset.tabular.CsvDataset djlDataset(Path file, Map<String, CsvField> mapping,
            CsvFileCheck checked) {
        var builder = ai.djl.basicdataset.tabular.CsvDataset.builder().optCsvFile(file)
                .setCsvFormat(CsvFileCheck.DJL_FORMAT).setSampling(1, false).noLabels();
        for (CsvField f : mapping.values()) {
            for (String c : f.columns()) {
                builder.addNumericFeature(checked.headerKey(c), f.normalized());
            }
        }
        ai.djl.basicdataset.tabular.CsvDataset djl = builder.build();
        try {
            djl.prepare(null);
        } catch (IOException | RuntimeException e) {
            throw new DataFileException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        return djl;
    }

    /** Row-major values of {@code columns} through DJL's featurizers; a failure names its line. */
    private static float[] featurize(Path file, ai.djl.basicdataset.tabular.CsvDataset djl, List<Feature> columns,
            CsvFileCheck checked) {
        DynamicBuffer buffer = new DynamicBuffer();
        for (int r = 0; r < checked.rows(); r++) {
            for (Feature f : columns) {
                String cell = djl.getCell(r, f.getName());
                try {
                    f.getFeaturizer().featurize(buffer, cell);
                } catch (RuntimeException e) {
                    throw new DataFileException(file, checked.line(r), "column \"" + f.getName() + "\": \"" + cell
                            + "\" cannot be read: " + e.getMessage(), e);
                }
            }
        }
        float[] values = new float[buffer.getLength()];
        buffer.getBuffer().get(values);
        return values;
    }

    private static long[] whole(float[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (long) values[i];
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
