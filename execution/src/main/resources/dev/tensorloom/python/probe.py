# Tensorloom's probe of a Python interpreter: prints one line "TENSORLOOM-PROBE {json}".
# argv: mode ("versions": installed versions only, fast; "full": also imports the key packages and
# asks torch about CUDA), then the distribution names to look up.
import importlib
import importlib.metadata as metadata
import json
import sys

mode = sys.argv[1]
names = sys.argv[2:]
out = {"python": "%d.%d.%d" % sys.version_info[:3], "executable": sys.executable, "versions": {}}
for name in names:
    try:
        out["versions"][name] = metadata.version(name)
    except metadata.PackageNotFoundError:
        pass
if mode == "full":
    errors = {}
    for module in ("torch", "numpy", "safetensors", "onnx", "onnxruntime", "onnxscript"):
        try:
            importlib.import_module(module)
        except BaseException as e:  # a broken wheel may raise anything, even SystemExit
            errors[module] = "%s: %s" % (type(e).__name__, e)
    out["importErrors"] = errors
    if "torch" not in errors:
        import torch
        available = bool(torch.cuda.is_available())
        gpus = []
        if available:
            for i in range(torch.cuda.device_count()):
                props = torch.cuda.get_device_properties(i)
                gpus.append({"name": props.name, "totalMemoryBytes": int(props.total_memory)})
        out["torch"] = {"version": torch.__version__, "cudaVersion": torch.version.cuda,
                        "cudaAvailable": available, "gpus": gpus}
print("TENSORLOOM-PROBE " + json.dumps(out), flush=True)
