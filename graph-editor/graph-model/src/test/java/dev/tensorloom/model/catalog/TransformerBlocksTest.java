package dev.tensorloom.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformerBlocksTest {
    private static final BlockCatalog CATALOG = BlockCatalog.standard();

    static TensorType f32(Object... dims) {
        return TensorType.f32(java.util.Arrays.stream(dims)
                .map(d -> d instanceof String s ? Dim.sym(s) : Dim.of(((Number) d).longValue())).toArray(Dim[]::new));
    }

    static NodeShapeContext run(String id, String typeId, Map<String, Object> params, Map<String, TensorType> inputs) {
        Map<String, String> sources = new HashMap<>();
        inputs.keySet().forEach(port -> sources.put(port, "embed.out"));
        return new NodeShapeContext(id, CATALOG.require(typeId), params, inputs, sources).run();
    }

    @Test
    void everyTransformerBlockIsRegisteredWithHelpOnEveryParameter() {
        for (String id : List.of("attention", "feedforward", "encoder_block", "decoder_block", "sinusoidal_pos",
                "learned_pos", "sincos2d_pos", "patch_embed")) {
            BlockType t = CATALOG.require(id);
            assertEquals(BlockCategory.TRANSFORMER, t.category(), id);
            for (ParamSpec p : t.params()) {
                assertFalse(p.help().isBlank(), id + "." + p.name());
                assertTrue(p.check(p.defaultValue()).isEmpty(), id + "." + p.name() + " default is valid");
            }
        }
    }

    @Test
    void attentionKeepsQueryShape() {
        var ctx = run("attn", "attention", Map.of("d_model", 256L, "heads", 8L), Map.of("q_in", f32("B", "T", 256)));
        assertTrue(ctx.problems().isEmpty(), ctx.problems().toString());
        assertEquals("[B, T, 256]", ctx.outputs().get("out").toString());
    }

    @Test
    void attentionReportsLocatedWidthMismatch() {
        var ctx = run("attn", "attention", Map.of("d_model", 256L, "heads", 8L), Map.of("q_in", f32("B", "T", 128)));
        assertEquals(1, ctx.problems().size());
        assertTrue(ctx.problems().get(0).message().startsWith("attn.q_in expects [B, T, 256], got [B, T, 128] from embed.out"),
                ctx.problems().get(0).message());
        assertEquals("q_in", ctx.problems().get(0).port());
    }

    @Test
    void headsThatDoNotDivideDModelAreAnError() {
        var ctx = run("attn", "attention", Map.of("d_model", 64L, "heads", 3L), Map.of("q_in", f32("B", "T", 64)));
        assertEquals(1, ctx.problems().size());
        assertTrue(ctx.problems().get(0).message().contains("d_model 64 is not divisible by heads 3"));
        var enc = run("enc", "encoder_block", Map.of("d_model", 64L, "heads", 5L), Map.of("in", f32("B", "T", 64)));
        assertFalse(enc.problems().isEmpty());
    }

    @Test
    void crossAttentionKeyBatchMustMatchQueries() {
        var ok = run("attn", "attention", Map.of(), Map.of("q_in", f32(2, 5, 64), "kv_in", f32(2, 9, 64)));
        assertTrue(ok.problems().isEmpty(), ok.problems().toString());
        assertEquals("[2, 5, 64]", ok.outputs().get("out").toString());
        var bad = run("attn", "attention", Map.of(), Map.of("q_in", f32(2, 5, 64), "kv_in", f32(3, 9, 64)));
        assertEquals("kv_in", bad.problems().get(0).port());
    }

    @Test
    void attentionEstimateCountsWeightsAndAttentionMatrix() {
        BlockType t = CATALOG.require("attention");
        Params p = new Params(t, Map.of("d_model", 8L, "heads", 2L));
        Estimate e = t.estimator().estimate(p, Map.of("q_in", f32("B", 3, 8)), Map.of("out", f32("B", 3, 8)));
        assertEquals(4 * 8 * 8 + 4 * 8, e.parameters());
        // Q, K, V (3·T·D) + scores and weights (2·heads·T·T) + merged and output (2·T·D), float32
        assertEquals((3 * 3 * 8 + 2 * 2 * 3 * 3 + 2 * 3 * 8) * 4L, e.activationBytesPerExample());
        double flops = 2.0 * 3 * 8 * 8 * 4 + 2.0 * 3 * 3 * 8 * 2 + 5.0 * 2 * 3 * 3;
        assertEquals(flops, e.flopsPerExample(), 1e-9);
        assertTrue(e.exact());
        Estimate symbolic = t.estimator().estimate(p, Map.of("q_in", f32("B", "T", 8)), Map.of());
        assertFalse(symbolic.exact());
        Params qk = new Params(t, Map.of("d_model", 8L, "heads", 2L, "qk_norm", true));
        assertEquals(4 * 8 * 8 + 4 * 8 + 2 * 4, t.estimator().estimate(qk, Map.of("q_in", f32("B", 3, 8)), Map.of()).parameters());
    }

    @Test
    void encoderAndDecoderParameterCountsMatchTheirParts() {
        long d = 16;
        long h = 32;
        long attn = 4 * d * d + 4 * d;
        long ffn = 2 * d * h + h + d;
        BlockType enc = CATALOG.require("encoder_block");
        Map<String, Object> values = Map.of("d_model", d, "heads", 4L, "hidden", h);
        assertEquals(attn + ffn + 4 * d, enc.estimator().estimate(new Params(enc, values),
                Map.of("in", f32("B", 6, 16)), Map.of()).parameters());
        BlockType dec = CATALOG.require("decoder_block");
        assertEquals(2 * attn + ffn + 6 * d, dec.estimator().estimate(new Params(dec, values),
                Map.of("in", f32("B", 6, 16), "memory", f32("B", 4, 16)), Map.of()).parameters());
    }

    @Test
    void feedForwardKeepsLeadingDimensions() {
        var ctx = run("ffn", "feedforward", Map.of("d_model", 32L), Map.of("in", f32("B", 7, 3, 32)));
        assertEquals("[B, 7, 3, 32]", ctx.outputs().get("out").toString());
        BlockType t = CATALOG.require("feedforward");
        Estimate e = t.estimator().estimate(new Params(t, Map.of("d_model", 32L, "hidden", 64L)),
                Map.of("in", f32("B", 7, 3, 32)), Map.of());
        assertEquals(2 * 32 * 64 + 64 + 32, e.parameters());
        assertEquals(21 * (4.0 * 32 * 64 + 64 + 32), e.flopsPerExample(), 1e-9);
    }

    @Test
    void decoderNeedsMemoryOfSameWidth() {
        var ctx = run("dec", "decoder_block", Map.of("d_model", 32L),
                Map.of("in", f32("B", "T", 32), "memory", f32("B", "S", 16)));
        assertEquals("memory", ctx.problems().get(0).port());
        assertEquals("[B, T, 32]", ctx.outputs().get("out").toString());
    }

    @Test
    void learnedPositionsRejectSequencesLongerThanTheTable() {
        var ok = run("pos", "learned_pos", Map.of("max_len", 16L), Map.of("in", f32("B", 16, 8)));
        assertTrue(ok.problems().isEmpty());
        var bad = run("pos", "learned_pos", Map.of("max_len", 16L), Map.of("in", f32("B", 17, 8)));
        assertTrue(bad.problems().get(0).message().contains("exceeds max_len 16"));
        BlockType t = CATALOG.require("learned_pos");
        assertEquals(16 * 8, t.estimator().estimate(new Params(t, Map.of("max_len", 16L)),
                Map.of("in", f32("B", 16, 8)), Map.of("out", f32("B", 16, 8))).parameters());
    }

    @Test
    void sinCos2dNeedsGridSizedTokens() {
        var ok = run("pos", "sincos2d_pos", Map.of("grid_h", 2L, "grid_w", 3L), Map.of("in", f32("B", 6, 8)));
        assertTrue(ok.problems().isEmpty(), ok.problems().toString());
        var bad = run("pos", "sincos2d_pos", Map.of("grid_h", 2L, "grid_w", 3L), Map.of("in", f32("B", 7, 8)));
        assertTrue(bad.problems().get(0).message().startsWith("pos.in expects [B, 6, D], got [B, 7, 8]"));
        var odd = run("pos", "sincos2d_pos", Map.of("grid_h", 2L, "grid_w", 3L), Map.of("in", f32("B", 6, 6)));
        assertTrue(odd.problems().get(0).message().contains("divisible by 4"));
    }

    @Test
    void patchEmbedMakesTokenGrid() {
        var ctx = run("pe", "patch_embed", Map.of("patch", 4L, "d_model", 32L), Map.of("in", f32("B", 3, 16, 8)));
        assertTrue(ctx.problems().isEmpty());
        assertEquals("[B, 8, 32]", ctx.outputs().get("out").toString());
        var symbolic = run("pe", "patch_embed", Map.of("patch", 2L), Map.of("in", f32("B", 3, "H", "W")));
        assertEquals("[B, (H/2)*(W/2), 64]", symbolic.outputs().get("out").toString());
        var bad = run("pe", "patch_embed", Map.of("patch", 3L), Map.of("in", f32("B", 3, 16, 9)));
        assertTrue(bad.problems().get(0).message().contains("H = 16 is not divisible by patch 3"));
        var channels = run("pe", "patch_embed", Map.of("in_channels", 1L), Map.of("in", f32("B", 3, 4, 4)));
        assertEquals("in", channels.problems().get(0).port());
        BlockType t = CATALOG.require("patch_embed");
        Estimate e = t.estimator().estimate(new Params(t, Map.of("patch", 4L, "d_model", 32L)),
                Map.of("in", f32("B", 3, 16, 8)), ctx.outputs());
        assertEquals(3 * 16 * 32 + 32, e.parameters());
        assertEquals(2.0 * 8 * 32 * 3 * 16, e.flopsPerExample(), 1e-9);
    }

    @Test
    void positionEncodingsKeepShape() {
        var ctx = run("pos", "sinusoidal_pos", Map.of(), Map.of("in", f32("B", "T", 12)));
        assertEquals("[B, T, 12]", ctx.outputs().get("out").toString());
        assertEquals(DType.FLOAT32, ctx.outputs().get("out").dtype());
    }
}
