package dev.tensorloom.execution.export;

import dev.tensorloom.model.doc.TrainingConfig;
import java.util.List;

/** The package's README.md: what each file is and how to train, predict and scale out with it. */
final class PackageReadme {
    private PackageReadme() {
    }

    /**
     * @param decoding statements that decode predict's outputs into detections (for a detector), shown
     *     after the call to predict
     */
    static String write(String title, String className, TrainingConfig c, List<String> predictInputs,
            List<String> predictOutputs, List<String> decoding, int checkpointSegments) {
        String predict = predictOutputs.isEmpty() ? ""
                : "\n## Use the trained model\n\n```python\nimport torch\nfrom safetensors.torch import load_file\n"
                        + "from model import " + className + "\n\nmodel = " + className + "()\n"
                        + "model.load_state_dict(load_file(\"weights.safetensors\"))\nmodel.eval()\n"
                        + "with torch.no_grad():\n    " + String.join(", ", predictOutputs) + " = model.predict("
                        + String.join(", ", predictInputs) + ")\n"
                        + decoding.stream().map(line -> "    " + line + "\n").reduce("", String::concat) + "```\n"
                        + (decoding.isEmpty() ? "" : "\nThe detections are one list per image of `(label, score, "
                                + "(x1, y1, x2, y2))`, decoded as the studio draws and scores them.\n");
        return "# " + title + " — exported from Tensorloom Studio\n\n"
                + "A PyTorch version of the project, proven equal to the studio's engine when it was exported\n"
                + "(`export.json` records what was checked). It needs Python with `torch` and `safetensors`.\n\n"
                + "| file | what it is |\n| --- | --- |\n"
                + "| `model.py` | the graph as `" + className + "`: one class per block type, one submodule per node "
                + "(named after its node id), `forward` in the graph's order returning the training loss, and "
                + "`predict` without the losses |\n"
                + "| `weights.safetensors` | every parameter and buffer, named as in `model.state_dict()` |\n"
                + "| `train.py` | trains as `tensorloom train` does: " + c.optimizer() + ", learning rate "
                + c.learningRate() + " (" + c.schedule() + ", " + c.warmupSteps() + " warm-up steps), weight decay "
                + c.weightDecay() + ", gradient clip " + c.gradientClip() + ", batch " + c.batchSize() + ", "
                + c.steps() + " steps, seed " + c.seed() + " |\n"
                + "| `metrics.py` | the held-out metrics the studio reports |\n"
                + "| `data/train.safetensors` | the training batches in the studio's order, each field as "
                + "[steps, batch, ...] |\n"
                + "| `data/heldout.safetensors` | the held-out batches (`<k>.<field>`) |\n"
                + "| `data/draws.safetensors` | (when present) random draws that training makes inside the graph, "
                + "so both engines use the same ones |\n"
                + "| `data/heldout_draws.safetensors` | (when present) the same for the evaluation of each held-out "
                + "batch (`<k>.<node>.<name>`) |\n"
                + "| `data/sample.safetensors` | one batch of `predict` inputs and the studio's outputs for them |\n"
                + "| `export.json` | Tensorloom version, project hash, policy, seed, and the tolerances verified |\n\n"
                + "## Train\n\n```sh\npython train.py                      # the project's " + c.steps() + " steps\n"
                + "python train.py --steps 200 --metrics-out metrics.json --save trained/\n"
                + "python train.py --device cuda         # on a GPU\n```\n\n"
                + "`--metrics-out` writes the same JSON as `tensorloom train --metrics-out`; `--save DIR` writes "
                + "`DIR/weights.safetensors`, which `tensorloom train --weights DIR` and the studio load back.\n"
                + (checkpointSegments > 0 ? "The project's checkpoint policy (" + c.checkpointPolicy() + ") recomputes "
                        + checkpointSegments + " segments in backward with `torch.utils.checkpoint`; "
                        + "`--checkpoint none` keeps every activation instead.\n" : "")
                + "Past the exported steps, the data starts over from the first batch.\n\n"
                + "## Several processes, several machines\n\n"
                + "`train.py` runs under PyTorch's own launcher with DistributedDataParallel (gloo on the CPU, "
                + "nccl on CUDA); each process trains on its slice of every batch of " + c.batchSize()
                + ", so N processes train like one:\n\n```sh\n"
                + "torchrun --standalone --nproc-per-node 4 train.py --device cuda\n"
                + "# two machines, four GPUs each: run on both, with --node-rank 0 and 1\n"
                + "torchrun --nnodes 2 --node-rank 0 --nproc-per-node 4 --rdzv-backend c10d "
                + "--rdzv-endpoint HOST0:29400 train.py --device cuda\n```\n"
                + predict;
    }
}
