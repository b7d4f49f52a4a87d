package dev.tensorloom.execution.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ActivationProbeTest {

    @Test
    void statsFollowTheirDefinitions() {
        try (NDManager m = NDManager.newBaseManager()) {
            ActivationStats s = ActivationProbe.stats(m.create(new float[] {0, 1, 2, 0, 5, -2}, new Shape(2, 3)));
            assertEquals(1.0, s.mean(), 1e-12);
            double var = (1 + 0 + 1 + 1 + 16 + 9) / 5.0;
            assertEquals(Math.sqrt(var), s.std(), 1e-12, "sample standard deviation");
            assertEquals(-2, s.min());
            assertEquals(5, s.max());
            assertEquals(2.0 / 6, s.zeroFraction(), 1e-12);
            assertEquals(0, s.nanCount());

            ActivationStats bad = ActivationProbe.stats(m.create(new float[] {Float.NaN, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, 1}));
            assertEquals(1, bad.nanCount());
            assertEquals(2, bad.infCount());
        }
    }

    @Test
    void previewSamplesWithARegularStrideUpTo64By64() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.arange(0f, 2f * 100 * 130).reshape(2, 100, 130);
            Preview p = ActivationProbe.preview(a);
            assertEquals(50, p.rows(), "200 rows with stride 4");
            assertEquals(44, p.cols(), "130 columns with stride 3");
            assertEquals(4 * 130 + 3, p.at(1, 1), 0f);
            assertEquals(199 - 199 % 4, (int) (p.at(49, 0) / 130));
            assertEquals(3, p.shape().length);

            Preview small = ActivationProbe.preview(m.create(new float[] {1, 2, 3}));
            assertEquals(1, small.rows());
            assertEquals(3, small.cols());

            Preview view = ActivationProbe.viewPreview(m.arange(0f, 2f * 3 * 4 * 4).reshape(2, 3, 4, 4));
            assertEquals(4, view.rows());
            assertEquals(15f, view.at(3, 3), 0f, "first example, first head");
        }
    }
}
