package dev.tensorloom.execution.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.run.PreparedRun;
import dev.tensorloom.execution.exec.WeightsFile;
import dev.tensorloom.execution.exec.WeightsMismatchException;
import dev.tensorloom.model.io.AtomicFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weights as PyTorch keeps them: {@code weights.safetensors} with {@code model.state_dict()} names
 * ({@link StateNames}), written and read with DJL's own safetensors codec. A weights folder may also hold
 * the studio's older {@code params.bin}; {@link #load} takes either.
 */
public final class PackageWeights {
    public static final String FILE_NAME = "weights.safetensors";

    private PackageWeights() {
    }

    /** Writes every parameter and buffer of {@code store} to {@code file} (atomically). */
    public static void write(ParameterStore store, Plan plan, Path file) throws IOException {
        StateNames names = StateNames.of(plan);
        NDList list = new NDList();
        List<Map.Entry<String, NDArray>> all = new ArrayList<>(store.parameters());
        all.addAll(store.buffers());
        try (NDManager scratch = store.manager().newSubManager()) {
            for (Map.Entry<String, NDArray> e : all) {
                NDArray copy = e.getValue().stopGradient();
                copy.attach(scratch);
                copy.setName(names.stateKey(e.getKey()));
                list.add(copy);
            }
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Atomic, keeping the old file's permissions, as every file the studio saves.
            AtomicFile.write(file, out -> {
                BufferedOutputStream buffered = new BufferedOutputStream(out);
                list.encode(buffered, NDList.Encoding.SAFETENSORS);
                buffered.flush();
            });
        }
    }

    /**
     * Loads a weights folder into a run that has not started: first initialises its parameters with one
     * evaluation of a held-out batch (which leaves the training data stream and every random draw of
     * training as they were), then replaces them with the folder's values.
     */
    public static void loadIntoRun(PreparedRun run, Path folder) throws IOException {
        try (Executor executor = new Executor(run.plan(), run.store(), run.config().seed());
                NDManager data = NDManager.newBaseManager(run.plan().device())) {
            List<Map<String, NDArray>> held = run.source().heldOut(data);
            if (held.isEmpty()) {
                throw new IllegalArgumentException("--weights needs a dataset with held-out data to size the model");
            }
            executor.evaluate(held.get(0), ForwardObserver.NONE);
        }
        load(run.store(), run.plan(), folder);
    }

    /**
     * Loads a weights folder into an initialised store: {@code weights.safetensors} (from {@code train.py
     * --save}, an export or {@code tensorloom train --save}) or else {@code params.bin}.
     *
     * @throws IOException naming the file when it is missing, unreadable, or made for another model
     */
    public static void load(ParameterStore store, Plan plan, Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            if (Files.exists(folder.resolve(WeightsFile.FILE_NAME))) {
                WeightsFile.load(store, folder);
                return;
            }
            throw new WeightsMismatchException(folder + " holds no weights (" + FILE_NAME + " or " + WeightsFile.FILE_NAME + ")");
        }
        StateNames names = StateNames.of(plan);
        try (InputStream in = Files.newInputStream(file); NDManager scratch = store.manager().newSubManager()) {
            NDList arrays;
            try {
                arrays = NDList.decode(scratch, in);
            } catch (RuntimeException e) {
                throw new WeightsMismatchException(file + " is not a safetensors file: " + e.getMessage());
            }
            Map<String, NDArray> byKey = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            for (NDArray a : arrays) {
                String key = names.storeKey(a.getName());
                if (key == null) {
                    unknown.add(a.getName());
                } else {
                    byKey.put(key, a);
                }
            }
            if (!unknown.isEmpty()) {
                throw new WeightsMismatchException(file + " holds " + unknown.size() + " arrays this model does not have, e.g. "
                        + String.join(", ", unknown.subList(0, Math.min(3, unknown.size())))
                        + "; were these weights trained for another project?");
            }
            WeightsFile.assignAll(store, byKey, file.toString());
        }
    }
}
