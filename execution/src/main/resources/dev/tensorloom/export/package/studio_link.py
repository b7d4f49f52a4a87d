"""What train.py does when the studio drives it (`--events`): reports on stdout as JSON lines, one event
per line, protocol version 1 (see the studio's docs/pytorch-engine.md); takes pause, resume, stop and the
watched node from a small control file the studio rewrites; watches that the studio is still alive; and
measures what autograd saves per node. A person running train.py by hand never needs this module."""
import json
import os
import sys
import threading
import time
import warnings

import torch

# The memory meter samples after every block's backward through full backward hooks; on the first block,
# whose inputs are data, PyTorch warns that the hook sees output gradients only, which is all it reads.
warnings.filterwarnings("ignore", message="Full backward hook is firing", category=UserWarning)

PROTOCOL = 1


class EventStream:
    """JSON lines on stdout, from rank 0 only, flushed one by one."""

    def __init__(self, enabled, rank):
        self.enabled = enabled and rank == 0

    def emit(self, kind, **fields):
        if self.enabled:
            sys.stdout.write(json.dumps({"v": PROTOCOL, "type": kind, **fields}, allow_nan=True) + "\n")
            sys.stdout.flush()


class Control:
    """The studio's wishes, read from a JSON file it replaces atomically: {"state": "run" | "pause" | "stop",
    "watch": node id or null}. Read by rank 0 between steps; shared with the other ranks by a broadcast."""

    def __init__(self, path):
        self.path = path
        self.stamp = None
        self.state = {"state": "run", "watch": None}

    def poll(self):
        if self.path is None:
            return self.state
        try:
            stamp = os.stat(self.path).st_mtime_ns
            if stamp != self.stamp:
                with open(self.path) as f:
                    self.state = {**self.state, **json.load(f)}
                self.stamp = stamp
        except (OSError, ValueError):
            pass  # missing or half-written: keep the last wish
        return self.state


def watch_parent(pid):
    """Ends this process when the process `pid` (the studio) is gone, even after a kill -9 of the studio,
    so no training outlives it. Checks twice a second on a daemon thread."""
    if not pid:
        return

    def loop():
        while True:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(3)
            except PermissionError:
                pass
            time.sleep(0.5)

    threading.Thread(target=loop, name="parent-watch", daemon=True).start()


def watch_stdin():
    """Ends this process when its standard input closes: the studio's pipe to it went away."""
    def loop():
        try:
            while sys.stdin.read(4096):
                pass
        except (OSError, ValueError):
            pass
        os._exit(3)

    threading.Thread(target=loop, name="stdin-watch", daemon=True).start()


class MemoryMeter:
    """What one training step holds, node by node. Autograd's saved tensors are counted through
    torch.autograd.graph.saved_tensors_hooks and charged to the block that was running, each storage once
    (a tensor saved by two nodes counts for the first) and parameters not at all, as peer_saved.py counts
    for plain PyTorch. Device
    memory is sampled before and after every block's forward and backward: torch.cuda.memory_allocated on a
    GPU, glibc's mallinfo2 (heap in use) on the CPU, as the studio's DJL engine measures it."""

    def __init__(self, model, device):
        self.model = model
        self.device = device
        self.current = None
        self.saved = {}
        # Weights that layers save for backward are parameters, not activations.
        self.seen = {(p.untyped_storage().data_ptr(), str(p.device)) for p in model.parameters()}
        self.hooks = []
        self.samples = []
        self.reader = DeviceMemory(device)

    def start(self):
        for name, module in self.model.named_children():
            self.hooks.append(module.register_forward_pre_hook(self._sample("forward-start", name, enter=True)))
            self.hooks.append(module.register_forward_hook(self._sample("forward", name)))
            self.hooks.append(module.register_full_backward_hook(self._sample("backward", name)))
        self.saved_hooks = torch.autograd.graph.saved_tensors_hooks(self._pack, lambda x: x)
        self.saved_hooks.__enter__()
        self.reader.reset_peak()
        self.baseline = self.reader.allocated()

    def finish(self):
        """Ends the measurement (after backward) and returns the memory event's fields."""
        self.saved_hooks.__exit__(None, None, None)
        for h in self.hooks:
            h.remove()
        return {"source": self.reader.source, "device": str(self.device), "baselineBytes": self.baseline,
                "peakBytes": self.reader.peak(), "savedBytes": self.saved, "samples": self.samples}

    def _sample(self, phase, name, enter=False):
        def hook(*unused):
            if enter:
                self.current = name
            self.samples.append({"phase": phase, "node": name, "bytes": self.reader.allocated()})
        return hook

    def _pack(self, tensor):
        storage = tensor.untyped_storage()
        key = (storage.data_ptr(), str(tensor.device))
        if key not in self.seen and self.current is not None:
            self.seen.add(key)
            self.saved[self.current] = self.saved.get(self.current, 0) + storage.nbytes()
        return tensor


class DeviceMemory:
    """Bytes in use on a device: the CUDA caching allocator's count on a GPU, glibc's heap in use
    (mallinfo2: arena plus mmapped blocks) on the CPU, where libtorch allocates with malloc."""

    def __init__(self, device):
        self.cuda = device.type == "cuda"
        self.device = device
        self.source = "torch.cuda.memory_allocated" if self.cuda else "glibc mallinfo2"
        self.high = 0
        if not self.cuda:
            import ctypes

            class Mallinfo2(ctypes.Structure):
                _fields_ = [(n, ctypes.c_size_t) for n in
                            ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
                             "fordblks", "keepcost")]

            self.libc = ctypes.CDLL("libc.so.6")
            self.libc.mallinfo2.restype = Mallinfo2

    def allocated(self):
        if self.cuda:
            return torch.cuda.memory_allocated(self.device)
        info = self.libc.mallinfo2()
        value = info.uordblks + info.hblkhd
        self.high = max(self.high, value)
        return value

    def reset_peak(self):
        if self.cuda:
            torch.cuda.reset_peak_memory_stats(self.device)
        self.high = 0

    def peak(self):
        return torch.cuda.max_memory_allocated(self.device) if self.cuda else self.high


class ActivationProbe:
    """Statistics and a preview of every output of the watched node, taken in this step's forward."""

    def __init__(self, model, node):
        self.snapshots = []
        module = getattr(model, node, None)
        self.hook = module.register_forward_hook(self._capture(node)) if module is not None else None

    def _capture(self, node):
        def hook(module, inputs, output):
            outputs = output if isinstance(output, tuple) else (output,)
            for k, tensor in enumerate(outputs):
                if torch.is_tensor(tensor):
                    stats, preview = activation_summary(tensor)
                    self.snapshots.append({"node": node, "output": k, "stats": stats, "preview": preview})
        return hook

    def finish(self):
        if self.hook is not None:
            self.hook.remove()
        return self.snapshots


def activation_summary(tensor, max_side=64):
    """Statistics of a tensor and a strided preview of at most max_side × max_side values viewed as a matrix,
    as the studio's activation view draws them."""
    values = tensor.detach().float()
    stats = {
        "mean": values.mean().item(), "std": values.std(unbiased=False).item() if values.numel() > 1 else 0.0,
        "min": values.min().item(), "max": values.max().item(),
        "zeroFraction": (values == 0).float().mean().item(),
        "nanCount": int(torch.isnan(values).sum()), "infCount": int(torch.isinf(values).sum()),
    }
    matrix = values.reshape(values.shape[0], -1) if values.dim() > 1 else values.reshape(1, -1)
    rows = min(max_side, matrix.shape[0])
    cols = min(max_side, matrix.shape[1])
    row_index = torch.linspace(0, matrix.shape[0] - 1, rows).long()
    col_index = torch.linspace(0, matrix.shape[1] - 1, cols).long()
    preview = matrix[row_index][:, col_index]
    return stats, {"shape": list(tensor.shape), "rows": rows, "cols": cols, "values": preview.flatten().tolist()}
