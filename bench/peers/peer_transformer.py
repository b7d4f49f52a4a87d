# Peer anchor for P1: the transformer-reverse model in PyTorch eager on this machine.
# usage: peer_transformer.py BATCH STEPS [LAYERS D HEADS SEQ VOCAB]; prints examples/s.
# Copied from shared/peers for bench/vs-pytorch.sh; one addition: the mean of the timed steps' own examples/s
# (batch / that step's wall clock), the statistic `tensorloom train --metrics-out` reports.
import sys, time, torch, torch.nn as nn
b, steps = int(sys.argv[1]), int(sys.argv[2])
L, d, h, T, V = (list(map(int, sys.argv[3:8])) + [2, 64, 4, 16, 10][len(sys.argv[3:8]):])
torch.manual_seed(0); torch.set_num_threads(2)
class M(nn.Module):
    def __init__(s):
        super().__init__(); s.emb = nn.Embedding(V, d)
        pe = torch.zeros(T, d); pos = torch.arange(T).unsqueeze(1); div = torch.exp(torch.arange(0, d, 2) * (-torch.log(torch.tensor(10000.0)) / d))
        pe[:, 0::2] = torch.sin(pos * div); pe[:, 1::2] = torch.cos(pos * div); s.register_buffer('pe', pe)
        s.enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(d, h, 4 * d, 0.0, batch_first=True, norm_first=True), L, norm=nn.LayerNorm(d), enable_nested_tensor=False)
        s.out = nn.Linear(d, V)
    def forward(s, x): return s.out(s.enc(s.emb(x) + s.pe))
m = M(); opt = torch.optim.AdamW(m.parameters(), 5e-3, weight_decay=0.01); lossf = nn.CrossEntropyLoss()
def step():
    x = torch.randint(0, V, (b, T)); y = torch.flip(x, [1])
    opt.zero_grad(); loss = lossf(m(x).reshape(-1, V), y.reshape(-1)); loss.backward(); torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0); opt.step(); return loss.item()
for _ in range(5): step()
t = time.perf_counter(); rates = []
for _ in range(steps): s = time.perf_counter(); step(); rates.append(b / (time.perf_counter() - s))
dt = time.perf_counter() - t
print(f"pytorch eager transformer L={L} d={d} h={h} T={T} batch={b}: {b*steps/dt:.0f} examples/s, {dt/steps*1000:.1f} ms/step, mean of step rates {sum(rates)/len(rates):.0f} examples/s, {torch.get_num_threads()} threads")
