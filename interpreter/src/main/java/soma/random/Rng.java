package soma.random;

import soma.tensor.Index;
import soma.tensor.Shape;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

/**
 * The seeded random generator of Soma. Its output is a pure function of the seed, identical on
 * every run, JVM and machine, because every step is specified here rather than delegated to
 * java.util.Random or platform maths:
 *
 * <ul>
 *   <li>Core: xoshiro256** (Blackman and Vigna, 2018), 256-bit state.</li>
 *   <li>Seeding: the four state words are four successive outputs of splitmix64 started at the
 *       seed (the seeding the xoshiro authors recommend; never all zero).</li>
 *   <li>Doubles in [0, 1): the top 53 bits of one output times 2^-53.</li>
 *   <li>Normals: Marsaglia's polar method. Draw u, v = 2*nextDouble()-1 until 0 < s = u^2+v^2
 *       < 1; return u*f and cache v*f as the next normal, f = sqrt(-2 ln(s) / s). ln is
 *       {@link StrictMath#log} (fdlibm, bit-identical everywhere; Math.log may differ per CPU
 *       intrinsic); sqrt is correctly rounded by IEEE 754 anyway.</li>
 *   <li>Bounded integers in [0, n): rejection sampling on 63-bit outputs (no modulo bias).</li>
 *   <li>Tensors are filled in row-major order.</li>
 * </ul>
 * Not thread-safe: one generator per interpreter context (or per thread).
 */
public final class Rng {
    private long s0, s1, s2, s3;
    private double spare;
    private boolean hasSpare;

    public Rng(long seed) {
        seed(seed);
    }

    /** Resets the generator (and drops any cached normal) as if freshly created with this seed. */
    public void seed(long seed) {
        long[] x = {seed};
        s0 = splitmix64(x);
        s1 = splitmix64(x);
        s2 = splitmix64(x);
        s3 = splitmix64(x);
        hasSpare = false;
    }

    /** The generator's complete state, to replay the same draws later (see {@link #restore}). */
    public long[] snapshot() {
        return new long[] {s0, s1, s2, s3, Double.doubleToRawLongBits(spare), hasSpare ? 1 : 0};
    }

    public void restore(long[] state) {
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
        spare = Double.longBitsToDouble(state[4]);
        hasSpare = state[5] != 0;
    }

    private static long splitmix64(long[] state) {
        long z = (state[0] += 0x9e3779b97f4a7c15L);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Next raw 64-bit output of xoshiro256**. */
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (polar method, spare cached). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u, v, s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }

    /** Uniform integer in [0, bound), bound > 0, unbiased by rejection. */
    public long nextLong(long bound) {
        if (bound <= 0) throw new TensorException("random integer bound must be positive, got " + bound);
        long r = nextLong() >>> 1;
        long m = bound - 1;
        if ((bound & m) == 0) return r & m; // power of two: the low bits are uniform
        for (long u = r; u - (r = u % bound) + m < 0; u = nextLong() >>> 1) {
            // reject the incomplete last block of size 2^63 mod bound
        }
        return r;
    }

    // ------------------------------------------------------------------ tensor samplers

    /** Standard normals of the given shape. */
    public Tensor randn(int... shape) {
        double[] d = Shape.allocate(shape);
        for (int i = 0; i < d.length; i++) d[i] = nextGaussian();
        return new Tensor(shape, d);
    }

    /** Uniform [0, 1) of the given shape. */
    public Tensor rand(int... shape) {
        double[] d = Shape.allocate(shape);
        for (int i = 0; i < d.length; i++) d[i] = nextDouble();
        return new Tensor(shape, d);
    }

    /** Normal with the given mean and standard deviation (std >= 0). */
    public Tensor normal(double mean, double std, int... shape) {
        if (!(std >= 0)) throw new TensorException("normal: std must be non-negative, got " + std);
        double[] d = Shape.allocate(shape);
        for (int i = 0; i < d.length; i++) d[i] = mean + std * nextGaussian();
        return new Tensor(shape, d);
    }

    /** Uniform in [a, b). */
    public Tensor uniform(double a, double b, int... shape) {
        double[] d = Shape.allocate(shape);
        for (int i = 0; i < d.length; i++) d[i] = a + (b - a) * nextDouble();
        return new Tensor(shape, d);
    }

    /** Integers uniform in [lo, hi) (as doubles), numpy randint. */
    public Tensor randint(long lo, long hi, int... shape) {
        if (hi <= lo) throw new TensorException("randint: empty range [" + lo + ", " + hi + ")");
        double[] d = Shape.allocate(shape);
        for (int i = 0; i < d.length; i++) d[i] = lo + nextLong(hi - lo);
        return new Tensor(shape, d);
    }

    /** A random ordering of 0 .. n-1 (Fisher-Yates). */
    public Tensor permutation(int n) {
        if (n < 0) throw new TensorException("permutation: n must be non-negative, got " + n);
        return Tensor.vector(shuffledPrefix(n, n));
    }

    /** k draws from 0 .. n-1, with or without replacement. */
    public Tensor choice(int n, int k, boolean replace) {
        if (n <= 0) throw new TensorException("choice: cannot choose from an empty population");
        if (k < 0) throw new TensorException("choice: sample size must be non-negative, got " + k);
        if (replace) {
            double[] d = new double[k];
            for (int i = 0; i < k; i++) d[i] = nextLong(n);
            return Tensor.vector(d);
        }
        if (k > n)
            throw new TensorException("choice: cannot take " + k + " samples from " + n + " without replacement");
        return Tensor.vector(shuffledPrefix(n, k));
    }

    /** k elements drawn from a 1-D tensor, with or without replacement. */
    public Tensor choice(Tensor population, int k, boolean replace) {
        if (population.rank() != 1)
            throw new TensorException("choice: population must be 1-D, got shape " + population.shapeString());
        Tensor idx = choice(population.size(), k, replace);
        return population.get(Index.take(idx));
    }

    /** The first k entries of a Fisher-Yates shuffle of 0..n-1 (swap i with a uniform j >= i). */
    private double[] shuffledPrefix(int n, int k) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            int j = i + (int) nextLong(n - i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
            out[i] = p[i];
        }
        return out;
    }
}
