# A copy of the project's reference script shared/peers/peer_saved.py (kept beside the test so a clone
# anywhere, without ../shared, runs it); the comparison in PyTorchSessionTest is against this file.
# Peer anchor: bytes PyTorch autograd saves for backward in one forward of the deep chain
# (64 pre-norm residual MLP blocks, LayerNorm -> Linear -> ReLU -> Linear, + skip), counted
# once per storage with saved_tensors_hooks. Compare with 'tensorloom memory' none.peakMeasuredBytes.
import sys, torch, torch.nn as nn
blocks, width, batch = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
torch.manual_seed(0)
class Block(nn.Module):
    def __init__(s, w): super().__init__(); s.n = nn.LayerNorm(w); s.a = nn.Linear(w, w); s.b = nn.Linear(w, w)
    def forward(s, x): return x + s.b(torch.relu(s.a(s.n(x))))
model = nn.Sequential(*[Block(width) for _ in range(blocks)])
params = {p.untyped_storage().data_ptr() for p in model.parameters()}
seen = {}
def pack(t):
    s = t.untyped_storage()
    if s.data_ptr() not in params: seen[s.data_ptr()] = s.nbytes()
    return t
x = torch.randn(batch, width)
with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
    out = model(x)
print(f"saved_bytes={sum(seen.values())} tensors={len(seen)} per_block={len(seen)/blocks:.2f} MiB={sum(seen.values())/2**20:.1f}")
