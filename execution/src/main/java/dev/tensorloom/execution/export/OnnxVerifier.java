package dev.tensorloom.execution.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an exported {@code model.onnx} with ONNX Runtime (Java) on the package's sample batch and compares
 * every output with what the studio's engine computed for the same inputs: the largest absolute
 * difference, and the largest normwise relative one (largest absolute difference over the largest
 * reference value, per output).
 */
public final class OnnxVerifier {
    /** How far ONNX Runtime's outputs are from the studio's. */
    public record Result(double maxAbsolute, double maxRelative, int outputs, long batch) {
    }

    private OnnxVerifier() {
    }

    public static Result verify(Path onnx, Path sample, List<String> inputs, List<String> outputs) throws IOException {
        try (NDManager m = NDManager.newBaseManager(); InputStream in = Files.newInputStream(sample)) {
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (NDArray a : NDList.decode(m, in)) {
                arrays.put(a.getName(), a);
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                    OrtSession session = env.createSession(onnx.toString(), options)) {
                Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
                long batch = 0;
                try {
                    for (String name : inputs) {
                        NDArray a = arrays.get("input." + name);
                        batch = a.getShape().get(0);
                        feeds.put(name, tensor(env, a));
                    }
                    try (OrtSession.Result result = session.run(feeds)) {
                        double maxAbs = 0;
                        double maxRel = 0;
                        for (String name : outputs) {
                            OnnxValue value = result.get(name).orElseThrow(() -> new IOException(onnx
                                    + " has no output named " + name));
                            double[] got = values((OnnxTensor) value);
                            double[] want = arrays.get("output." + name).toType(DataType.FLOAT64, false).toDoubleArray();
                            if (got.length != want.length) {
                                throw new IOException("ONNX output " + name + " has " + got.length + " values, the "
                                        + "studio's " + want.length);
                            }
                            double diff = 0;
                            double scale = 0;
                            for (int i = 0; i < got.length; i++) {
                                diff = Math.max(diff, Math.abs(got[i] - want[i]));
                                scale = Math.max(scale, Math.abs(want[i]));
                            }
                            maxAbs = Math.max(maxAbs, diff);
                            maxRel = Math.max(maxRel, diff / Math.max(scale, 1e-12));
                        }
                        return new Result(maxAbs, maxRel, outputs.size(), batch);
                    }
                } finally {
                    feeds.values().forEach(OnnxTensor::close);
                }
            }
        } catch (OrtException e) {
            throw new IOException("ONNX Runtime could not run " + onnx + ": " + e.getMessage(), e);
        }
    }

    private static OnnxTensor tensor(OrtEnvironment env, NDArray a) throws OrtException {
        long[] shape = a.getShape().getShape();
        if (a.getDataType().isInteger()) {
            return OnnxTensor.createTensor(env, LongBuffer.wrap(a.toType(DataType.INT64, false).toLongArray()), shape);
        }
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(a.toType(DataType.FLOAT32, false).toFloatArray()), shape);
    }

    /** A float or integer output's values (integer outputs, such as gathered targets, must match exactly). */
    private static double[] values(OnnxTensor t) throws IOException {
        FloatBuffer f = t.getFloatBuffer();
        if (f != null) {
            double[] out = new double[f.remaining()];
            for (int i = 0; i < out.length; i++) {
                out[i] = f.get(i);
            }
            return out;
        }
        LongBuffer l = t.getLongBuffer();
        if (l != null) {
            double[] out = new double[l.remaining()];
            for (int i = 0; i < out.length; i++) {
                out[i] = l.get(i);
            }
            return out;
        }
        throw new IOException("an ONNX output of type " + t.getInfo().type + " cannot be compared");
    }
}
