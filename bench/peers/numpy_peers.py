"""numpy peers of `bin/soma bench peers`: FitzHugh-Nagumo RK4 (1000 x 10,000 steps, recorded
every 100) and STG forward Euler (1000 x 200 steps, V recorded) + hub frequency, vectorised over
the batch on one thread (OMP/OPENBLAS threads 1). Prints 'name sample-steps/s' lines."""
import os
for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[k] = "1"
import sys
import time
import numpy as np
import common as c

def best_cpu(f, reps):
    """Best process CPU time of f (one thread: what one core spends, on a shared machine)."""
    f()
    best = float("inf")
    for _ in range(reps):
        t0 = time.process_time()
        f()
        best = min(best, time.process_time() - t0)
    return best


REPS = int(sys.argv[1]) if len(sys.argv) > 1 else 3


def fhn(I, steps=10000, dt=0.01, every=100):
    tau, a, b = 12.5, 0.7, 0.8
    v = np.full_like(I, -1.0)
    w = np.full_like(I, -0.5)
    out = np.empty((steps // every + 1, 2, I.size))
    out[0, 0], out[0, 1] = v, w
    row = 1

    def f(v, w):
        return v - v ** 3 / 3 - w + I, (v + a - b * w) / tau

    for k in range(1, steps + 1):
        k1v, k1w = f(v, w)
        k2v, k2w = f(v + 0.5 * dt * k1v, w + 0.5 * dt * k1w)
        k3v, k3w = f(v + 0.5 * dt * k2v, w + 0.5 * dt * k2w)
        k4v, k4w = f(v + dt * k3v, w + dt * k3w)
        v = v + dt / 6 * (k1v + 2 * k2v + 2 * k3v + k4v)
        w = w + dt / 6 * (k1w + 2 * k2w + 2 * k3w + k4w)
        if k % every == 0:
            out[row, 0], out[row, 1] = v, w
            row += 1
    return out


def hub_frequency(V, dt=0.025, start=40, window=40, alpha=100, f_max=1, count=101, threshold=-0.01):
    """V: (batch, T + 1) hub traces. The spec's statistic (Spectra.hubFrequency)."""
    r = np.maximum(V[:, start:] - threshold, 0) + threshold
    cs = np.cumsum(r, axis=1)
    cs = np.concatenate([np.zeros((r.shape[0], 1)), cs], axis=1)
    x = (cs[:, window:] - cs[:, :-window]) / window
    x = x - x.mean(axis=1, keepdims=True)
    n = x.shape[1]
    f = np.linspace(0, f_max, count)
    w = 2 * np.pi * f[:, None] * dt * np.arange(n)[None, :]
    mag = np.hypot(x @ np.cos(w).T, x @ np.sin(w).T)
    p = (mag / mag.max(axis=1, keepdims=True)) ** alpha
    return (p * f).sum(axis=1) / p.sum(axis=1)


def stg(g_el, g_synA, steps=200, dt=0.025):
    c.use(np, np.asarray)
    B = g_el.size
    V = np.tile(c.V0, (B, 1))
    N = np.tile(c.N0, (B, 1))
    H = np.tile(c.H0, (B, 1))
    g_e, g_A = g_el[:, None] * 1e-9, g_synA[:, None] * 1e-9
    rec = np.empty((B, steps + 1, 5))
    rec[:, 0] = V
    for k in range(1, steps + 1):
        dV, dN, dH = c.stg_rhs(np, V, N, H, g_e, g_A, 5e-9)
        V = V + dt * dV
        N = N + dt * dN
        H = H + dt * dH
        rec[:, k] = V
    return hub_frequency(rec[:, :, 2], dt)


if __name__ == "__main__":
    I = np.linspace(0.2, 1.2, 1000)
    t = best_cpu(lambda: fhn(I), REPS)
    print("fhn_rk4 %.4e" % (1000 * 10000 / t), flush=True)
    rng = np.random.default_rng(0)
    g_el, g_synA = rng.uniform(0.1, 20, 1000), rng.uniform(0.1, 20, 1000)
    t = best_cpu(lambda: stg(g_el, g_synA), REPS * 3)
    print("stg_euler_hub %.4e" % (1000 * 200 / t), flush=True)
    if "--check" in sys.argv:
        print(stg(np.array([4.5, 3.0]), np.array([3.0, 3.0]), steps=800))
