"""Shared by the peers: the STG circuit (stdlib/stg.soma, docs/stg.md) and its hub frequency
(the spec's statistic: Spectra.hubFrequency), written with numpy or torch as a user would:
vectorised over the batch, one array operation per term."""
import time

V0 = [-0.04169771, -0.04319491, 0.00883992, -0.06879824, 0.03048103]
N0 = [0.00151316, 0.19784773, 0.56514935, 0.12214069, 0.35290397]
H0 = [0.08614699, 0.04938177, 0.05568701, 0.07007949, 0.05790969]
C_M = 1e-9
V_LEAK, V_CA, V_K, V_H, V_SYN = -0.040, 0.100, -0.080, -0.020, -0.075
V1, V2, V3, V4, V5, V6, V7, V8, V9, V_TH = 0, 0.020, 0, 0.015, 0.0783, 0.0105, -0.0422, 0.0873, 0.005, -0.025
PHI_N = 2
G_CA = [x * 1e-6 for x in (1.9e-2, 1.9e-2, 1.7e-2, 8.5e-3, 8.5e-3)]
G_K = [x * 1e-6 for x in (3.9e-2, 3.9e-2, 1.9e-2, 1.5e-2, 1.5e-2)]
G_H = [x * 1e-6 for x in (2.5e-2, 2.5e-2, 8.0e-3, 1.0e-2, 1.0e-2)]
G_LEAK = 1e-4 * 1e-6


def stg_rhs(xp, V, N, H, g_e, g_A, g_B):
    """V, N, H: (batch, 5); g_e, g_A: (batch, 1) in S. Returns dV, dN, dH. xp: numpy or torch."""
    M_inf = (1 + xp.tanh((V - V1) / V2)) / 2
    N_inf = (1 + xp.tanh((V - V3) / V4)) / 2
    H_inf = 1 / (1 + xp.exp((V + V5) / V6))
    S_inf = 1 / (1 + xp.exp((V_TH - V) / V9))
    tau_h = (272 + 1499 / (1 + xp.exp((V7 - V) / V8))) / 1000
    I_leak = G_LEAK * (V - V_LEAK)
    I_Ca = G_CA_T * M_inf * (V - V_CA)
    I_K = G_K_T * N * (V - V_K)
    I_h = G_H_T * H * (V - V_H)
    v0, v1, v2, v3, v4 = (V[:, i] for i in range(5))
    s0, s1, s3, s4 = S_inf[:, 0], S_inf[:, 1], S_inf[:, 3], S_inf[:, 4]
    z = v0 * 0
    ge, gA = g_e[:, 0], g_A[:, 0]
    I_el = xp.stack([z, ge * (v1 - v2), ge * ((v2 - v1) + (v2 - v4)), z, ge * (v4 - v2)], 1)
    I_syn = xp.stack([g_B * s1 * (v0 - V_SYN), g_B * s0 * (v1 - V_SYN),
                      gA * s0 * (v2 - V_SYN) + gA * s3 * (v2 - V_SYN),
                      g_B * s4 * (v3 - V_SYN), g_B * s3 * (v4 - V_SYN)], 1)
    dV = -(I_leak + I_Ca + I_K + I_h + I_el + I_syn) / C_M
    dN = PHI_N * xp.cosh((V - V3) / (2 * V4)) * (N_inf - N)
    dH = (H_inf - H) / tau_h
    return dV, dN, dH


G_CA_T = G_K_T = G_H_T = None


def use(xp, asarray):
    global G_CA_T, G_K_T, G_H_T
    G_CA_T, G_K_T, G_H_T = asarray(G_CA), asarray(G_K), asarray(G_H)


def best_of(f, reps, warm=1):
    for _ in range(warm):
        f()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)
