package dev.tensorloom.execution.export;

import java.util.List;

/** {@code to_onnx.py}: the package's ONNX export script, with {@code predict} wrapped as a module's forward. */
final class OnnxScript {
    private static final String MARK = "# @MODEL@";

    private OnnxScript() {
    }

    static String write(String className, List<String> inputs, List<String> outputs) {
        String arguments = String.join(", ", inputs);
        String model = "from model import " + className + " as Model\n\n"
                + "#: predict's inputs and outputs, as named in the ONNX graph.\n"
                + "INPUTS = " + tuple(inputs) + "\n"
                + "OUTPUTS = " + tuple(outputs) + "\n\n\n"
                + "class Inference(torch.nn.Module):\n"
                + "    \"\"\"The model's predict as a forward, the form torch.onnx.export traces.\"\"\"\n\n"
                + "    def __init__(self, model):\n        super().__init__()\n        self.model = model\n\n"
                + "    def forward(self, " + arguments + "):\n"
                + "        return self.model.predict(" + arguments + ")";
        return TrainScript.resource("to_onnx.py").replace(MARK, model);
    }

    private static String tuple(List<String> names) {
        List<String> quoted = names.stream().map(PythonNames::string).toList();
        return "(" + String.join(", ", quoted) + (names.size() == 1 ? ",)" : ")");
    }
}
