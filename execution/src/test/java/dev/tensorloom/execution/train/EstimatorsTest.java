package dev.tensorloom.execution.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The 95% intervals: Wilson's on independent items, widened to the examples when items move together. */
class EstimatorsTest {

    @Test
    void wilsonIntervalOfHalfOutOfAHundred() {
        // the textbook value: 50/100 → 0.4038 to 0.5962
        ProportionEstimator p = new ProportionEstimator();
        for (int i = 0; i < 100; i++) {
            p.add(i % 2, 1);
        }
        Estimate e = p.estimate();
        assertEquals(0.5, e.value(), 0);
        assertEquals(0.4038, e.low95(), 1e-4);
        assertEquals(0.5962, e.high95(), 1e-4);
        assertEquals(100, e.examples());
    }

    @Test
    void aPerfectScoreStillHasAnInterval() {
        ProportionEstimator p = new ProportionEstimator();
        for (int i = 0; i < 1000; i++) {
            p.add(16, 16);
        }
        Estimate e = p.estimate();
        assertEquals(1.0, e.value(), 0);
        assertEquals(1.0, e.high95(), 0);
        // 1,000 sequences, not 16,000 tokens: Wilson's lower end for 1000/1000 is 0.99617
        assertEquals(0.99617, e.low95(), 1e-5);
    }

    @Test
    void itemsThatMoveTogetherCountAsOneExample() {
        // every example all right or all wrong: 16 tokens each carry the information of one
        ProportionEstimator together = new ProportionEstimator();
        ProportionEstimator single = new ProportionEstimator();
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            boolean right = r.nextDouble() < 0.8;
            together.add(right ? 16 : 0, 16);
            single.add(right ? 1 : 0, 1);
        }
        Estimate a = together.estimate();
        Estimate b = single.estimate();
        assertEquals(b.value(), a.value(), 1e-12);
        assertEquals(b.low95(), a.low95(), 1e-9);
        assertEquals(b.high95(), a.high95(), 1e-9);
    }

    @Test
    void independentItemsNarrowTheIntervalAsTheirNumberGrows() {
        ProportionEstimator tokens = new ProportionEstimator();
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 1000; i++) {
            int hits = 0;
            for (int t = 0; t < 16; t++) {
                hits += r.nextDouble() < 0.8 ? 1 : 0;
            }
            tokens.add(hits, 16);
        }
        Estimate e = tokens.estimate();
        double binomialHalf = 1.96 * Math.sqrt(0.8 * 0.2 / 16000);
        double half = (e.high95() - e.low95()) / 2;
        assertTrue(Math.abs(half - binomialHalf) < 0.15 * binomialHalf, half + " vs " + binomialHalf);
    }

    @Test
    void meanIntervalIsTheNormalOne() {
        MeanEstimator m = new MeanEstimator();
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        for (double v : values) {
            m.add(v);
        }
        Estimate e = m.estimate();
        double sd = Math.sqrt(82.5 / 9); // Σ(x − 5.5)² = 82.5
        assertEquals(5.5, e.value(), 1e-12);
        assertEquals(5.5 - Estimate.Z95 * sd / Math.sqrt(10), e.low95(), 1e-12);
        assertEquals(5.5 + Estimate.Z95 * sd / Math.sqrt(10), e.high95(), 1e-12);
        assertEquals(10, e.examples());
    }

    @Test
    void bootstrapIntervalIsReproducibleAndHoldsTheValue() {
        java.util.List<dev.tensorloom.execution.op.detection.DetectionMetrics.Detection> ds = new java.util.ArrayList<>();
        java.util.List<dev.tensorloom.execution.op.detection.DetectionMetrics.Truth> ts = new java.util.ArrayList<>();
        SplittableRandom r = new SplittableRandom(3);
        for (int img = 0; img < 300; img++) {
            double[] box = {0, 0, 10, 10};
            ts.add(new dev.tensorloom.execution.op.detection.DetectionMetrics.Truth(img, 0, box));
            double shift = r.nextDouble() < 0.7 ? 1 : 6; // 70% hit at IoU 0.5
            ds.add(new dev.tensorloom.execution.op.detection.DetectionMetrics.Detection(img, 0, r.nextDouble(),
                    new double[] {shift, 0, 10 + shift, 10}));
        }
        Estimate a = ImageBootstrap.estimate(ds, ts, 300, dev.tensorloom.execution.op.detection.DetectionMetrics::map50);
        Estimate b = ImageBootstrap.estimate(ds, ts, 300, dev.tensorloom.execution.op.detection.DetectionMetrics::map50);
        assertEquals(a, b);
        assertTrue(a.low95() < a.value() && a.value() < a.high95(), a.toString());
        assertTrue(a.high95() - a.low95() > 0.02 && a.high95() - a.low95() < 0.3, a.toString());
    }
}
