# Peer anchor: peak native heap above the pre-forward baseline during one training step of the
# deep chain in PyTorch eager, measured like tensorloom's meter (glibc mallinfo2, sampled at every
# saved-tensor pack/unpack, i.e. between autograd nodes). Modes: none | sqrt (checkpoint_sequential).
# Usage: peer_peak.py MODE BLOCKS WIDTH BATCH [SEGMENTS]   (run with MALLOC_MMAP_THRESHOLD_=65536 for exact counts)
# Copied from shared/peers for bench/vs-pytorch.sh; one addition: SEGMENTS (default int(sqrt(BLOCKS)), the
# original's choice) sets checkpoint_sequential's segment count, so it can equal the studio's sqrt plan.
import sys, ctypes, torch, torch.nn as nn
from torch.utils.checkpoint import checkpoint_sequential
mode, blocks, width, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
segments = int(sys.argv[5]) if len(sys.argv) > 5 else int(blocks ** 0.5)
torch.manual_seed(0); torch.set_num_threads(2)
class MI(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]
libc = ctypes.CDLL("libc.so.6"); libc.mallinfo2.restype = MI
def used(): m = libc.mallinfo2(); return m.uordblks + m.hblkhd
class Block(nn.Module):
    def __init__(s, w): super().__init__(); s.n = nn.LayerNorm(w); s.a = nn.Linear(w, w); s.b = nn.Linear(w, w)
    def forward(s, x): return x + s.b(torch.relu(s.a(s.n(x))))
model = nn.Sequential(*[Block(width) for _ in range(blocks)])
opt = torch.optim.Adam(model.parameters(), 1e-3)
x = torch.randn(batch, width); y = torch.randn(batch, width)
peak = [0]
def sample(t): peak[0] = max(peak[0], used()); return t
def step():
    opt.zero_grad(set_to_none=False)
    with torch.autograd.graph.saved_tensors_hooks(sample, sample):
        out = model(x) if mode == 'none' else checkpoint_sequential(model, segments, x, use_reentrant=False)
        loss = ((out - y) ** 2).mean(); sample(None); loss.backward(); sample(None)
    opt.step()
step(); step()                       # warm up: gradients and Adam state exist from here on
base = used(); peak[0] = base
step()
print(f"mode={mode} segments={segments if mode != 'none' else 1} peak_above_baseline_bytes={peak[0]-base} MiB={(peak[0]-base)/2**20:.1f}")
