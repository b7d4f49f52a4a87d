# Peer anchor: PyTorch eager on this machine, deep residual MLP chain, with and without checkpoint_sequential.
# Prints step time and peak RSS per mode. Run each mode in its own process so peak RSS is clean.
# Copied from shared/peers for bench/vs-pytorch.sh; one addition: mean_rate_ex_s, the mean of the timed steps'
# own examples/s (batch / that step's wall clock), the statistic `tensorloom train --metrics-out` reports.
import sys, time, resource, torch, torch.nn as nn
from torch.utils.checkpoint import checkpoint_sequential
mode = sys.argv[1]; blocks = int(sys.argv[2]); width = int(sys.argv[3]); batch = int(sys.argv[4]); steps = int(sys.argv[5])
torch.manual_seed(0); torch.set_num_threads(2)
class Block(nn.Module):
    def __init__(s, w): super().__init__(); s.n = nn.LayerNorm(w); s.a = nn.Linear(w, w); s.b = nn.Linear(w, w)
    def forward(s, x): return x + s.b(torch.relu(s.a(s.n(x))))
model = nn.Sequential(*[Block(width) for _ in range(blocks)])
opt = torch.optim.Adam(model.parameters(), 1e-3)
x = torch.randn(batch, width); y = torch.randn(batch, width)
def step():
    opt.zero_grad(set_to_none=True)
    out = model(x) if mode == 'none' else checkpoint_sequential(model, int(blocks ** 0.5), x, use_reentrant=False)
    loss = ((out - y) ** 2).mean(); loss.backward(); opt.step(); return loss.item()
step()
t = time.perf_counter(); rates = []
for _ in range(steps): s = time.perf_counter(); step(); rates.append(batch / (time.perf_counter() - s))
dt = (time.perf_counter() - t) / steps
print(f"{mode} blocks={blocks} width={width} batch={batch} step_s={dt:.4f} peak_rss_mb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024:.0f} mean_rate_ex_s={sum(rates)/len(rates):.2f} threads={torch.get_num_threads()}")
