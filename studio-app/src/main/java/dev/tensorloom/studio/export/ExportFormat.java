package dev.tensorloom.studio.export;

/** What File → Export… writes: the PyTorch package, or the package plus a verified {@code model.onnx}. */
public enum ExportFormat {
    PYTORCH("PyTorch package (model.py, weights, train.py, data)"),
    ONNX("ONNX (the package plus model.onnx, checked with ONNX Runtime)");

    private final String label;

    ExportFormat(String label) {
        this.label = label;
    }

    /** What the dialog's choice reads. */
    public String label() {
        return label;
    }

    /** Whether writing it runs Python (torch.onnx.export); the package alone needs none. */
    public boolean needsPython() {
        return this == ONNX;
    }
}
