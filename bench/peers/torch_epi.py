"""PyTorch peer of `bin/soma bench peers`: one EPI iteration on the STG circuit as a user would
write it in PyTorch (the EPI paper's own code is TensorFlow, the same structure): a normalising
flow of 10 planar layers, scale, shift and a sigmoid onto the box (0, 20)^2, 300 samples of
(g_el, g_synA), the STG circuit integrated with forward Euler for T = 200 steps in float64 on the
whole batch, the hub frequency (the spec's statistic), the augmented-Lagrangian loss and one Adam
step, with gradients by backpropagation through the simulation. 2 threads. Prints
'epi_iteration_ms <ms>' (median of the timed iterations after warm-up)."""
import os
import sys
import time
import torch
import common as c

torch.set_num_threads(int(os.environ.get("PEER_THREADS", "2")))
torch.set_default_dtype(torch.float64)
BATCH, T, DT = int(sys.argv[1]) if len(sys.argv) > 1 else 300, 200, 0.025
ITERS = int(sys.argv[2]) if len(sys.argv) > 2 else 12


class Planar(torch.nn.Module):
    def __init__(self, d):
        super().__init__()
        self.u = torch.nn.Parameter(0.1 * torch.randn(d))
        self.w = torch.nn.Parameter(0.1 * torch.randn(d))
        self.b = torch.nn.Parameter(torch.zeros(()))

    def forward(self, z):
        wu = self.w @ self.u
        u = self.u + (torch.nn.functional.softplus(wu) - 1 - wu) * self.w / (self.w @ self.w)  # invertible
        a = torch.tanh(z @ self.w + self.b)
        logdet = torch.log(torch.abs(1 + (1 - a ** 2) * (self.w @ u)))
        return z + a[:, None] * u, logdet


class Flow(torch.nn.Module):
    def __init__(self, d=2, layers=10, lo=0.0, hi=20.0):
        super().__init__()
        self.layers = torch.nn.ModuleList([Planar(d) for _ in range(layers)])
        self.log_scale = torch.nn.Parameter(torch.zeros(d))
        self.shift = torch.nn.Parameter(torch.zeros(d))
        self.lo, self.hi = lo, hi

    def sample(self, n):
        z = torch.randn(n, 2)
        logq = -0.5 * (z ** 2).sum(1) - torch.log(torch.tensor(2 * torch.pi))
        for layer in self.layers:
            z, ld = layer(z)
            logq = logq - ld
        z = z * torch.exp(self.log_scale) + self.shift
        logq = logq - self.log_scale.sum()
        s = torch.sigmoid(z)
        x = self.lo + (self.hi - self.lo) * s
        logq = logq - torch.log((self.hi - self.lo) * s * (1 - s)).sum(1)
        return x, logq


def hub_frequency(V, dt=DT, start=40, window=40, alpha=100, f_max=1, count=101, threshold=-0.01):
    r = torch.relu(V[:, start:] - threshold) + threshold
    x = torch.nn.functional.avg_pool1d(r[:, None, :], window, stride=1)[:, 0, :]
    x = x - x.mean(1, keepdim=True)
    n = x.shape[1]
    f = torch.linspace(0, f_max, count)
    w = 2 * torch.pi * f[:, None] * dt * torch.arange(n)[None, :]
    mag = torch.sqrt((x @ torch.cos(w).T) ** 2 + (x @ torch.sin(w).T) ** 2)
    p = (mag / mag.max(1, keepdim=True).values) ** alpha
    return (p * f).sum(1) / p.sum(1)


def simulate(g):
    c.use(torch, torch.tensor)
    B = g.shape[0]
    V = torch.tensor(c.V0).repeat(B, 1)
    N = torch.tensor(c.N0).repeat(B, 1)
    H = torch.tensor(c.H0).repeat(B, 1)
    g_e, g_A = g[:, :1] * 1e-9, g[:, 1:] * 1e-9
    hub = [V[:, 2]]
    for _ in range(T):
        dV, dN, dH = c.stg_rhs(torch, V, N, H, g_e, g_A, 5e-9)
        V, N, H = V + DT * dV, N + DT * dN, H + DT * dH
        hub.append(V[:, 2])
    return torch.stack(hub, 1)


def main():
    torch.manual_seed(0)
    q = Flow()
    opt = torch.optim.Adam(q.parameters(), lr=1e-4)
    lam = torch.zeros(2)
    c0 = 1.0

    def iteration():
        opt.zero_grad()
        x, logq = q.sample(BATCH)
        f = hub_frequency(simulate(x))
        R = torch.stack([f.mean() - 0.525, f.std() - 0.025])
        loss = logq.mean() + lam @ R + 0.5 * c0 * (R ** 2).sum()
        loss.backward()
        opt.step()
        return R.detach()

    for _ in range(3):
        iteration()
    times = []
    for _ in range(ITERS):
        t0 = time.perf_counter()
        iteration()
        times.append(time.perf_counter() - t0)
    times.sort()
    print("epi_iteration_ms %.2f" % (1000 * times[len(times) // 2]), flush=True)
    print("epi_iteration_best_ms %.2f" % (1000 * times[0]), flush=True)


if __name__ == "__main__":
    main()
