package dev.tensorloom.model.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.testing.TestBlocks;
import dev.tensorloom.model.validate.Problem.Kind;
import dev.tensorloom.model.validate.Problem.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    private final BlockCatalog catalog = TestBlocks.catalog();

    private List<Problem> validate(DocumentBuilder g) {
        return Validator.validate(g.build(), catalog);
    }

    /** A small healthy model: x [B, 16] -> fc1 -> act -> loss. */
    private static DocumentBuilder healthy() {
        return new DocumentBuilder()
                .node("x", "src", "shape", "[B, 16]")
                .node("fc1", "lin", "out_features", 4L)
                .node("act", "relu")
                .node("loss", "loss")
                .wire("x.out", "fc1.in").wire("fc1.out", "act.in").wire("act.out", "loss.pred");
    }

    @Test
    void healthyGraphHasNoProblems() {
        List<Problem> problems = validate(healthy());
        assertEquals(List.of(), problems);
        assertEquals("No problems", ValidationSummary.of(problems).text());
    }

    @Test
    void shapeMismatchNamesNodePortExpectedActualAndSource() {
        List<Problem> problems = validate(new DocumentBuilder()
                .node("embed", "src", "shape", "[B, T, 128]")
                .node("attn", "attn", "d_model", 256L)
                .node("loss", "loss")
                .wire("embed.out", "attn.q_in").wire("attn.out", "loss.pred"));

        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals(Severity.ERROR, p.severity());
        assertEquals(Kind.SHAPE_MISMATCH, p.kind());
        assertEquals("attn", p.nodeId());
        assertEquals("q_in", p.port());
        assertEquals("attn.q_in expects [B, T, 256], got [B, T, 128] from embed.out (size 128 where 256 is expected)",
                p.message());
    }

    @Test
    void missingRequiredInputIsOneErrorAndDoesNotCascade() {
        List<Problem> problems = validate(new DocumentBuilder()
                .node("fc1", "lin").node("act", "relu").node("loss", "loss")
                .wire("fc1.out", "act.in").wire("act.out", "loss.pred"));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Kind.MISSING_INPUT, problems.get(0).kind());
        assertEquals("in", problems.get(0).port());
        assertEquals("fc1.in is not connected", problems.get(0).message());
    }

    @Test
    void optionalInputMayStayUnconnected() {
        List<Problem> problems = validate(new DocumentBuilder()
                .node("x", "src", "shape", "[B, T, 256]").node("attn", "attn").node("loss", "loss")
                .wire("x.out", "attn.q_in").wire("attn.out", "loss.pred"));
        assertEquals(List.of(), problems);
    }

    @Test
    void unknownBlockTypeIsReportedOnceAndDownstreamIsSkipped() {
        List<Problem> problems = validate(healthy().node("mystery", "warp_drive").node("fc2", "lin")
                .wire("mystery.out", "fc2.in").wire("fc2.out", "loss.target"));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Kind.UNKNOWN_TYPE, problems.get(0).kind());
        assertEquals("mystery has unknown block type 'warp_drive'", problems.get(0).message());
    }

    @Test
    void wireToAPortTheBlockLacksIsAnUnknownPort() {
        List<Problem> problems = validate(new DocumentBuilder()
                .node("x", "src").node("fc1", "lin").node("loss", "loss")
                .wire("x.out", "fc1.input").wire("fc1.out", "loss.pred"));

        assertEquals(List.of(Kind.UNKNOWN_PORT, Kind.MISSING_INPUT), kinds(problems));
        assertEquals("wire w1 ends at fc1.input, but lin has no input 'input'", problems.get(0).message());
        assertEquals("fc1", problems.get(0).nodeId());
        assertEquals("input", problems.get(0).port());
    }

    @Test
    void wireFromAPortTheBlockLacksIsAnUnknownPort() {
        List<Problem> problems = validate(new DocumentBuilder()
                .node("x", "src").node("fc1", "lin").node("loss", "loss")
                .wire("x.output", "fc1.in").wire("fc1.out", "loss.pred"));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Kind.UNKNOWN_PORT, problems.get(0).kind());
        assertEquals("x", problems.get(0).nodeId());
        assertEquals("wire w1 starts at x.output, but src has no output 'output'", problems.get(0).message());
    }

    @Test
    void parameterOutOfRangeNamesNodeAndParameter() {
        DocumentBuilder g = healthy();
        Document doc = g.build();
        doc.replaceNode(doc.requireNode("fc1").withParam("out_features", 0L));

        List<Problem> problems = validate(g);

        Problem p = problems.get(0);
        assertEquals(Kind.PARAM_OUT_OF_RANGE, p.kind());
        assertEquals(Severity.ERROR, p.severity());
        assertEquals("fc1", p.nodeId());
        assertEquals("out_features", p.param());
        assertNull(p.port());
        assertEquals("fc1.out_features must be at least 1, got 0", p.message());
    }

    @Test
    void wrongParameterKindIsAnError() {
        DocumentBuilder g = healthy();
        g.build().replaceNode(g.build().requireNode("fc1").withParam("bias", "yes"));

        Problem p = validate(g).get(0);
        assertEquals(Kind.PARAM_OUT_OF_RANGE, p.kind());
        assertEquals("fc1.bias must be true or false, got 'yes'", p.message());
    }

    @Test
    void parameterOutsideTheSchemaIsAWarning() {
        DocumentBuilder g = healthy();
        g.build().replaceNode(g.build().requireNode("act").withParam("slope", 0.1));

        List<Problem> problems = validate(g);

        assertEquals(1, problems.size());
        Problem p = problems.get(0);
        assertEquals(Severity.WARNING, p.severity());
        assertEquals(Kind.UNKNOWN_PARAM, p.kind());
        assertEquals("slope", p.param());
        assertEquals("act.slope is not a parameter of relu and is ignored", p.message());
    }

    @Test
    void elementTypeMismatchIsReportedOnceAsDtype() {
        List<Problem> problems = validate(new DocumentBuilder()
                .node("x", "src", "shape", "[B, T]").node("emb", "embed").node("loss", "loss")
                .wire("x.out", "emb.tokens").wire("emb.out", "loss.pred"));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Kind.DTYPE_MISMATCH, problems.get(0).kind());
        assertEquals("emb.tokens expects int64, got float32 [B, T] from x.out", problems.get(0).message());
    }

    @Test
    void danglingOutputIsAnUnusedOutputWarning() {
        List<Problem> problems = validate(healthy().node("fc2", "lin").wire("x.out", "fc2.in"));

        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals(Severity.WARNING, p.severity());
        assertEquals(Kind.UNUSED_OUTPUT, p.kind());
        assertEquals("fc2", p.nodeId());
        assertEquals("out", p.port());
        assertEquals("fc2.out is unused: it feeds nothing and no loss depends on it", p.message());
    }

    @Test
    void layerInADeadBranchIsWarnedThatNoLossDependsOnIt() {
        List<Problem> problems = validate(healthy().node("fc2", "lin").node("fc3", "lin")
                .wire("x.out", "fc2.in").wire("fc2.out", "fc3.in"));

        assertEquals(List.of(Kind.NO_LOSS, Kind.UNUSED_OUTPUT), kinds(problems));
        assertEquals("fc2 does not lead to any loss, so training will not update it", problems.get(0).message());
        assertEquals("fc3", problems.get(1).nodeId());
    }

    @Test
    void graphWithoutLossGetsOneWarning() {
        List<Problem> problems = validate(new DocumentBuilder().node("x", "src").node("fc1", "lin").wire("x.out", "fc1.in"));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Kind.NO_LOSS, problems.get(0).kind());
        assertNull(problems.get(0).nodeId());
        assertEquals("1 warning", ValidationSummary.of(problems).text());
    }

    @Test
    void emptyGraphHasNoProblems() {
        assertEquals(List.of(), validate(new DocumentBuilder()));
    }

    @Test
    void errorsComeBeforeWarnings() {
        DocumentBuilder g = healthy().node("fc2", "lin").wire("x.out", "fc2.in");
        g.build().replaceNode(g.build().requireNode("fc1").withParam("out_features", -3L));

        List<Problem> problems = validate(g);

        assertEquals(List.of(Severity.ERROR, Severity.WARNING), problems.stream().map(Problem::severity).toList());
        assertEquals("1 error, 1 warning", ValidationSummary.of(problems).text());
    }

    private static List<Kind> kinds(List<Problem> problems) {
        return problems.stream().map(Problem::kind).toList();
    }

    @Test
    void summaryTextCountsBoth() {
        assertEquals("2 errors, 1 warning", new ValidationSummary(2, 1).text());
        assertEquals("1 error", new ValidationSummary(1, 0).text());
        assertEquals("3 warnings", new ValidationSummary(0, 3).text());
        assertTrue(new ValidationSummary(1, 0).hasErrors());
    }
}
