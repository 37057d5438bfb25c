package soma.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import soma.linalg.Linalg;
import soma.random.Rng;
import soma.tensor.Tensor;

/**
 * Linear-algebra timings: the non-symmetric eigensolver at n = 500, and the matrix product of
 * Soma's own kernel ({@code Tensor.matmul}, multi-threaded) against EJML's single-threaded
 * {@code CommonOps_DDRM.mult} at n = 500 and 2000, measured in one run so the ratio is not at
 * the mercy of a noisy machine between runs. Each figure is the median over repeated calls
 * after a warm-up (so the JIT has compiled the kernels).
 */
public final class LinalgBench {
    private LinalgBench() {}

    public static void main(String[] args) {
        run(args.length > 0 ? Double.parseDouble(args[0]) : 30);
    }

    /**
     * Runs every measurement, spending roughly {@code seconds} in total (a 2000^3 product with
     * EJML takes several seconds on its own, so below ~20 s the budget is overrun: every figure
     * needs at least one timed call).
     */
    public static void run(double seconds) {
        Rng rng = new Rng(1);
        Tensor e500 = rng.randn(500, 500);
        // Budget shares: eig 2 x 20%, products at n = 500 2 x 10%, at n = 2000 2 x 20%.
        double eigMs = median(() -> Linalg.eig(e500), 0.2 * seconds, true);
        double eigvalsMs = median(() -> Linalg.eigvals(e500), 0.2 * seconds, true);
        System.out.printf(
                Locale.ROOT,
                "eig 500x500 non-symmetric: values+vectors %.1f ms, values only %.1f ms (median)%n",
                eigMs,
                eigvalsMs);
        System.out.printf(Locale.ROOT, "%-10s %18s %18s %8s%n", "matmul n", "Soma GFLOP/s", "EJML GFLOP/s", "ratio");
        for (int n : new int[] {500, 2000}) {
            Tensor a = rng.randn(n, n), b = rng.randn(n, n);
            DMatrixRMaj ea = DMatrixRMaj.wrap(n, n, a.realData()), eb = DMatrixRMaj.wrap(n, n, b.realData());
            DMatrixRMaj ec = new DMatrixRMaj(n, n);
            double flops = 2.0 * n * n * n, share = n == 500 ? 0.1 : 0.2;
            // The n = 500 runs have compiled the kernels, so n = 2000 needs no warm-up of its own.
            double soma = flops / (median(() -> a.matmul(b), share * seconds, n == 500) * 1e6);
            double ejml = flops / (median(() -> CommonOps_DDRM.mult(ea, eb, ec), share * seconds, n == 500) * 1e6);
            System.out.printf(Locale.ROOT, "%-10d %18.2f %18.2f %7.2fx%n", n, soma, ejml, soma / ejml);
        }
        System.out.printf(
                Locale.ROOT,
                "(%d cores available; Soma's matmul uses all of them, EJML's mult one)%n",
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Median wall time in ms of one call: optionally warm up for a third of the budget (so the
     * JIT has compiled the code), then time calls until the budget is spent, at least one.
     */
    static double median(Runnable work, double budgetSeconds, boolean warmUp) {
        if (warmUp) {
            long warmEnd = System.nanoTime() + (long) (budgetSeconds / 3 * 1e9);
            do {
                work.run();
            } while (System.nanoTime() < warmEnd);
        }
        List<Double> samples = new ArrayList<>();
        long end = System.nanoTime() + (long) (budgetSeconds * (warmUp ? 2.0 / 3 : 1) * 1e9);
        do {
            long t0 = System.nanoTime();
            work.run();
            samples.add((System.nanoTime() - t0) / 1e6);
        } while (System.nanoTime() < end);
        samples.sort(Double::compare);
        return samples.get(samples.size() / 2);
    }
}
