package dev.tensorloom.execution.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.session.view.Points;
import java.util.List;
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

    @Test
    void previewOfOneExampleAndOneChannel() {
        try (NDManager m = NDManager.newBaseManager()) {
            // [B=2, T=3, D=4]: example 1 is the values 12..23 as a 3 × 4 matrix
            Preview seq = ActivationProbe.preview(m.arange(0f, 24f).reshape(2, 3, 4), 1, 0);
            assertEquals(3, seq.rows());
            assertEquals(4, seq.cols());
            assertEquals(12f + 2 * 4 + 3, seq.at(2, 3), 0f);
            assertEquals(3, seq.shape().length, "the full shape is kept for the caption");

            // [B=2, C=3, H=2, W=5]: example 1, channel 2 starts at (1 * 3 + 2) * 10
            NDArray images = m.arange(0f, 60f).reshape(2, 3, 2, 5);
            Preview img = ActivationProbe.preview(images, 1, 2);
            assertEquals(2, img.rows());
            assertEquals(5, img.cols());
            assertEquals(50f + 5 + 4, img.at(1, 4), 0f);
            assertEquals(50f, ActivationProbe.preview(images, 7, 9).at(0, 0), 0f, "indices past the end are clamped");

            Preview batch = ActivationProbe.preview(m.arange(0f, 6f).reshape(2, 3), 1, 1);
            assertEquals(2, batch.rows(), "a [B, D] output shows the whole batch");
        }
    }

    @Test
    void headsAreEveryHeadOfTheChosenExample() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray weights = m.arange(0f, 2f * 3 * 4 * 4).reshape(2, 3, 4, 4);
            List<Preview> heads = ActivationProbe.heads(weights, 1);
            assertEquals(3, heads.size());
            assertEquals(48f + 16f * 2, heads.get(2).at(0, 0), 0f, "example 1, head 2 starts at (1 * 3 + 2) * 16");
            assertEquals(4, heads.get(2).rows());
            assertEquals(16f * 2 + 5, ActivationProbe.heads(weights, 9).get(2).at(1, 1) - 48f, 0f,
                    "an example past the batch is clamped to the last");
            assertEquals(1, ActivationProbe.heads(m.ones(new Shape(4, 4)), 0).size(), "a plain matrix is one head");
        }
    }

    @Test
    void firstTwoFeaturesOfTheFirstRows() {
        try (NDManager m = NDManager.newBaseManager()) {
            Points p = ActivationProbe.firstTwo(m.arange(0f, 30f).reshape(10, 3), 4);
            assertEquals(4, p.count());
            assertEquals(3f, p.x(1), 0f);
            assertEquals(4f, p.y(1), 0f);
            Points one = ActivationProbe.firstTwo(m.arange(0f, 5f).reshape(5, 1), 10);
            assertEquals(5, one.count());
            assertEquals(0f, one.y(3), 0f, "one feature: y is 0");
        }
    }

    @Test
    void modelPicturesComeEveryNStepsAndAfterTheLast() {
        ViewRequest r = new ViewRequest(10);
        SnapshotPolicy watched = SnapshotPolicy.nodes(java.util.Set.of("a"), 2).withRequest(r);
        assertEquals(List.of(0L, 10L, 20L, 24L), java.util.stream.LongStream.range(0, 25)
                .filter(s -> watched.modelViewsDue(s, 25)).boxed().toList());
        assertFalse(SnapshotPolicy.all(2).withRequest(r).modelViewsDue(0, 25), "only for a watched node");
        assertFalse(SnapshotPolicy.nodes(java.util.Set.of("a"), 2).modelViewsDue(0, 25), "only when asked");
    }
}
