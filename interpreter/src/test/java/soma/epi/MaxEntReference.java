package soma.epi;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * Exact maximum-entropy distributions to test epi() against, computed here by quadrature and a
 * convex solve, never by Soma's EPI (nothing in this file calls the interpreter).
 *
 * <p>Maximum entropy subject to E_p[T(z)] = mu on a support S gives the exponential family
 * p*(z) = exp(eta . T(z)) / Z(eta) on S. The function f(eta) = log Z(eta) - eta . mu is convex,
 * its gradient is E_eta[T] - mu and its Hessian is Cov_eta[T], so damped Newton on f finds the
 * eta that matches mu ({@link #solveEta}). The entropy then follows without further integration:
 * H(p*) = -E[log p*] = log Z - eta . E[T] (nats).
 *
 * <p>Every problem offers eta, log Z, the exact log-density (-infinity outside the support), the
 * entropy, the target moments mu, the probability mass of each mode's region, exact samples and
 * KL(q || p*) from samples of q: KL = E_q[log q - log p*], estimated by the sample mean. Note
 * log p* = eta . T - log Z, so for any q that meets the constraints exactly, E_q[log p*] = -H(p*)
 * and KL(q || p*) = H(p*) - H(q): the entropy shortfall of an EPI result is its KL from the answer.
 *
 * <ul>
 *   <li>{@link Uniform}: no constraint on a box, p* uniform, H = sum log(hi - lo).</li>
 *   <li>{@link Gaussian}: mean and variance on the real line, p* = N(mean, var).</li>
 *   <li>{@link Polynomial1D}: powers of z on [lo, hi], e.g. the asymmetric bimodal case
 *       {@link Polynomial1D#bimodal()}.</li>
 *   <li>{@link LinearSystem2D}: the principal eigenvalue of a random 2x2 matrix in a box
 *       (examples/oscillating_linear_2d.soma), reduced to a 2-D integral by a closed-form
 *       density of states.</li>
 * </ul>
 *
 * <p>Quadrature is composite Gauss-Legendre throughout (nodes computed here by Newton's method on
 * the Legendre recurrence, to machine precision). The stated accuracies are checked by
 * MaxEntReferenceTest (refined grids, exact integrals, Monte Carlo).
 */
public final class MaxEntReference {
    private MaxEntReference() {}

    /** An exact maximum-entropy density p*(z) = exp(eta . T(z)) / Z on its support. */
    public interface Problem {
        /** The dimension of z. */
        int dim();

        /** The natural parameters eta, one per constraint statistic (a copy). */
        double[] eta();

        /** log Z, the log-normaliser of exp(eta . T(z)) over the support (Lebesgue measure in z). */
        double logZ();

        /** The target moments mu = E_p*[T] that the constraints impose (a copy). */
        double[] mu();

        /** The constraint statistics T(z), in the order of eta and mu. */
        double[] statistics(double... z);

        /** log p*(z), exact; -infinity outside the support. */
        double logDensity(double... z);

        /** The differential entropy H(p*) in nats, log Z - eta . E[T]. */
        double entropy();

        /** The probability mass of each mode's region (they sum to 1); see each class for the regions. */
        double[] modeWeights();

        /** n exact draws from p*, one row per draw. */
        double[][] sample(int n, RandomGenerator rng);

        /** KL(q || p*) estimated from draws z_s ~ q and their log q(z_s): the mean of log q - log p*. */
        default double kl(double[][] z, double[] logq) {
            return klEstimate(z, logq).value();
        }

        /** As {@link #kl(double[][], double[])}, for draws stored row-major (n rows of dim() values). */
        default double kl(double[] zRowMajor, double[] logq) {
            int d = dim();
            if (zRowMajor.length != logq.length * d) {
                throw new IllegalArgumentException(
                        zRowMajor.length + " values are not " + logq.length + " rows of " + d);
            }
            double[][] z = new double[logq.length][];
            for (int i = 0; i < z.length; i++) z[i] = Arrays.copyOfRange(zRowMajor, i * d, (i + 1) * d);
            return kl(z, logq);
        }

        /**
         * KL(q || p*) from draws of q with its Monte Carlo standard error (the sample standard
         * deviation of log q - log p* over sqrt(n)). A draw outside the support makes KL infinite.
         */
        default Estimate klEstimate(double[][] z, double[] logq) {
            if (z.length != logq.length || z.length < 2) {
                throw new IllegalArgumentException(
                        "need matching draws and log q, at least two: " + z.length + ", " + logq.length);
            }
            double sum = 0, sumSq = 0;
            for (int i = 0; i < z.length; i++) {
                double lp = logDensity(z[i]);
                if (lp == Double.NEGATIVE_INFINITY)
                    return new Estimate(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
                double r = logq[i] - lp;
                sum += r;
                sumSq += r * r;
            }
            int n = z.length;
            double mean = sum / n, var = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
            return new Estimate(mean, Math.sqrt(var / n));
        }
    }

    /** A Monte Carlo estimate and its standard error. */
    public record Estimate(double value, double standardError) {}

    // ------------------------------------------------------------------------------------------
    // (0) The trivial cases
    // ------------------------------------------------------------------------------------------

    /** No constraint on the box prod [lo_j, hi_j]: p* is uniform, log Z = H = sum log(hi_j - lo_j). */
    public static final class Uniform implements Problem {
        private final double[] lo, hi;
        private final double logVolume;

        public Uniform(double[] lo, double[] hi) {
            if (lo.length != hi.length || lo.length == 0)
                throw new IllegalArgumentException("box bounds of different lengths");
            this.lo = lo.clone();
            this.hi = hi.clone();
            double v = 0;
            for (int j = 0; j < lo.length; j++) {
                if (!(hi[j] > lo[j])) throw new IllegalArgumentException("empty box side " + j);
                v += Math.log(hi[j] - lo[j]);
            }
            logVolume = v;
        }

        /** The cube [lo, hi]^dim. */
        public static Uniform box(int dim, double lo, double hi) {
            double[] l = new double[dim], h = new double[dim];
            Arrays.fill(l, lo);
            Arrays.fill(h, hi);
            return new Uniform(l, h);
        }

        @Override
        public int dim() {
            return lo.length;
        }

        @Override
        public double[] eta() {
            return new double[0];
        }

        @Override
        public double logZ() {
            return logVolume;
        }

        @Override
        public double[] mu() {
            return new double[0];
        }

        @Override
        public double[] statistics(double... z) {
            return new double[0];
        }

        @Override
        public double entropy() {
            return logVolume;
        }

        @Override
        public double[] modeWeights() {
            return new double[] {1};
        }

        @Override
        public double logDensity(double... z) {
            for (int j = 0; j < lo.length; j++) if (!(z[j] >= lo[j] && z[j] <= hi[j])) return Double.NEGATIVE_INFINITY;
            return -logVolume;
        }

        @Override
        public double[][] sample(int n, RandomGenerator rng) {
            double[][] z = new double[n][lo.length];
            for (double[] row : z)
                for (int j = 0; j < lo.length; j++) row[j] = lo[j] + (hi[j] - lo[j]) * rng.nextDouble();
            return z;
        }
    }

    /**
     * Mean and variance on the real line, written as Soma writes them ({@code mean(z) == m},
     * {@code var(z) == v}): T(z) = (z, (z - m)^2), mu = (m, v). Then p* = N(m, v), eta = (0, -1/(2v)),
     * log Z = log(2 pi v) / 2, H = log(2 pi e v) / 2. (With raw powers T = (z, z^2) the same density
     * has eta = (m/v, -1/(2v)) and mu = (m, v + m^2): see {@link Polynomial1D}.)
     */
    public static final class Gaussian implements Problem {
        private final double mean, variance;

        public Gaussian(double mean, double variance) {
            if (!(variance > 0)) throw new IllegalArgumentException("variance must be positive");
            this.mean = mean;
            this.variance = variance;
        }

        @Override
        public int dim() {
            return 1;
        }

        @Override
        public double[] eta() {
            return new double[] {0, -0.5 / variance};
        }

        @Override
        public double logZ() {
            return 0.5 * Math.log(2 * Math.PI * variance);
        }

        @Override
        public double[] mu() {
            return new double[] {mean, variance};
        }

        @Override
        public double[] statistics(double... z) {
            return new double[] {z[0], (z[0] - mean) * (z[0] - mean)};
        }

        @Override
        public double entropy() {
            return 0.5 * Math.log(2 * Math.PI * Math.E * variance);
        }

        @Override
        public double[] modeWeights() {
            return new double[] {1};
        }

        @Override
        public double logDensity(double... z) {
            double u = z[0] - mean;
            return -0.5 * u * u / variance - logZ();
        }

        @Override
        public double[][] sample(int n, RandomGenerator rng) {
            double[][] z = new double[n][1];
            double s = Math.sqrt(variance);
            for (double[] row : z) row[0] = mean + s * rng.nextGaussian();
            return z;
        }
    }

    // ------------------------------------------------------------------------------------------
    // (A) Polynomial exponential family in one dimension
    // ------------------------------------------------------------------------------------------

    /**
     * p*(z) = exp(sum_k eta_k z^{p_k}) / Z on [lo, hi], for any set of positive powers p_k, built
     * from eta ({@link #fromEta}) or from the moments mu_k = E[z^{p_k}] ({@link #fromMu}, damped
     * Newton). Quadrature: 16-point Gauss-Legendre on 400 equal panels (for [-5, 5], panels of
     * 0.025: log Z and the moments are exact to about 1e-14 relative; doubling the panels changes
     * nothing above roundoff, which the test checks). Sampling is exact inversion of the CDF (panel
     * by cumulative mass, then safeguarded Newton on the Gauss-Legendre CDF within the panel).
     *
     * <p>Modes: the log-density l(z) = eta . T(z) is scanned for its critical points; the regions
     * are split at the interior local minima of l (the dips), and {@link #modeWeights()} gives the
     * mass between successive splits, left to right.
     */
    public static final class Polynomial1D implements Problem {
        /** Panels of the composite rule on [lo, hi]. */
        public static final int PANELS = 400;

        /**
         * The asymmetric bimodal test case on [-5, 5], T = (z, z^2, z^3, z^4) as constraint lines
         * {@code E[z] == 0.8}, {@code E[z^2] == 3.5}, {@code E[z^3] == 3.6}, {@code E[z^4] == 15}
         * (equivalently mean(z) == 0.8 and var(z) == 2.86 for the first two). Solved:
         * eta = (0.10200763, 1.56814759, 0.03579029, -0.20741957), log Z = 3.8572043957,
         * H = 1.2695302761 nats. Modes at -1.8636 and 2.0256 (peak densities 0.263 and 0.663) with
         * masses 0.30072 / 0.69928, split at the dip z = -0.032570 (density 0.0211, 8.0 % of the
         * smaller peak); standard deviations within each mode 0.522 and 0.491. The density at +-5
         * is below e^-88 of the peaks, so the interval's ends do not matter: the same numbers hold
         * on the whole real line to double precision. Checked in MaxEntReferenceTest.
         */
        public static final double[] BIMODAL_MU = {0.8, 3.5, 3.6, 15};

        private final double lo, hi;
        private final int[] powers;
        private final double[] eta, mu, achieved, coefficients;
        private final double logZ, entropy;
        private final Density1D density;
        private final double[] splits, modes, weights;

        private Polynomial1D(double lo, double hi, int[] powers, double[] eta, double[] mu, int panels) {
            this.lo = lo;
            this.hi = hi;
            this.powers = powers.clone();
            this.eta = eta.clone();
            int maxPower = Arrays.stream(powers).max().orElse(0);
            this.coefficients = new double[maxPower + 1];
            for (int k = 0; k < powers.length; k++) coefficients[powers[k]] += eta[k];
            WeightedNodes nodes = nodes(lo, hi, powers, panels);
            Moments m = nodes.moments(eta);
            this.achieved = m.mean();
            this.mu = mu == null ? m.mean().clone() : mu.clone();
            this.logZ = m.logZ();
            this.entropy = m.logZ() - dot(eta, m.mean());
            this.density = new Density1D(
                    panelEdges(new double[] {lo, hi}, (hi - lo) / panels), this::logUnnormalised, GaussLegendre.G16);
            // critical points of l(z): sign changes of l'(z) on a fine scan, refined by bisection
            int scan = 20_000;
            double[] minima = new double[scan], maxima = new double[scan + 2];
            int nMin = 0, nMax = 0;
            double prevX = lo, prevD = derivative(lo);
            if (prevD < 0) maxima[nMax++] = lo; // density decreasing from the left end: a mode there
            for (int i = 1; i <= scan; i++) {
                double x = lo + (hi - lo) * i / scan, d = derivative(x);
                if (prevD < 0 && d > 0) minima[nMin++] = root(prevX, x);
                if (prevD > 0 && d < 0) maxima[nMax++] = root(prevX, x);
                if (d != 0) {
                    prevD = d;
                    prevX = x;
                }
            }
            if (derivative(hi) > 0) maxima[nMax++] = hi;
            this.splits = Arrays.copyOf(minima, nMin);
            this.modes = Arrays.copyOf(maxima, nMax);
            this.weights = new double[nMin + 1];
            double previous = 0;
            for (int k = 0; k < nMin; k++) {
                double c = density.cdf(splits[k]);
                weights[k] = c - previous;
                previous = c;
            }
            weights[nMin] = 1 - previous;
        }

        /** The density with these natural parameters; mu is computed by quadrature. */
        public static Polynomial1D fromEta(double lo, double hi, int[] powers, double[] eta) {
            checkPowers(lo, hi, powers, eta.length);
            return new Polynomial1D(lo, hi, powers, eta, null, PANELS);
        }

        /** The maximum-entropy density with E[z^{p_k}] = mu_k, by damped Newton from eta = 0 (uniform). */
        public static Polynomial1D fromMu(double lo, double hi, int[] powers, double[] mu) {
            checkPowers(lo, hi, powers, mu.length);
            double[] eta = solveEta(nodes(lo, hi, powers, PANELS), mu, new double[mu.length]);
            return new Polynomial1D(lo, hi, powers, eta, mu, PANELS);
        }

        /** The asymmetric bimodal test case {@link #BIMODAL_MU} on [-5, 5]. */
        public static Polynomial1D bimodal() {
            return fromMu(-5, 5, new int[] {1, 2, 3, 4}, BIMODAL_MU);
        }

        /** The same density on a grid with a different number of panels (to check the quadrature). */
        public Polynomial1D withPanels(int panels) {
            return new Polynomial1D(lo, hi, powers, eta, mu, panels);
        }

        private static void checkPowers(double lo, double hi, int[] powers, int n) {
            if (!(hi > lo) || Double.isInfinite(lo) || Double.isInfinite(hi))
                throw new IllegalArgumentException("need a finite interval");
            if (powers.length != n)
                throw new IllegalArgumentException(powers.length + " powers for " + n + " parameters");
            for (int p : powers) if (p < 1) throw new IllegalArgumentException("powers are positive integers");
        }

        private static WeightedNodes nodes(double lo, double hi, int[] powers, int panels) {
            double[][] xw = GaussLegendre.G16.composite(panelEdges(new double[] {lo, hi}, (hi - lo) / panels));
            double[] x = xw[0], w = xw[1];
            double[] logBase = new double[x.length];
            double[][] stats = new double[powers.length][x.length];
            for (int i = 0; i < x.length; i++) {
                logBase[i] = Math.log(w[i]);
                for (int k = 0; k < powers.length; k++) stats[k][i] = Math.pow(x[i], powers[k]);
            }
            return new WeightedNodes(logBase, stats);
        }

        /** eta . T(z), the log-density up to log Z (Horner on the coefficients of z^0 .. z^maxPower). */
        private double logUnnormalised(double z) {
            double s = 0;
            for (int j = coefficients.length - 1; j >= 0; j--) s = s * z + coefficients[j];
            return s;
        }

        /** d/dz of eta . T(z). */
        private double derivative(double z) {
            double s = 0;
            for (int j = coefficients.length - 1; j >= 1; j--) s = s * z + j * coefficients[j];
            return s;
        }

        private double root(double a, double b) {
            double da = derivative(a);
            for (int it = 0; it < 200 && b - a > 0; it++) {
                double m = 0.5 * (a + b);
                if (m <= a || m >= b) break;
                double dm = derivative(m);
                if ((dm < 0) == (da < 0)) {
                    a = m;
                    da = dm;
                } else {
                    b = m;
                }
            }
            return 0.5 * (a + b);
        }

        public double lo() {
            return lo;
        }

        public double hi() {
            return hi;
        }

        public int[] powers() {
            return powers.clone();
        }

        /** The interior local minima of the density, left to right: the boundaries of the mode regions. */
        public double[] splits() {
            return splits.clone();
        }

        /** The local maxima of the density (an end of the interval counts if the density falls away from it). */
        public double[] modes() {
            return modes.clone();
        }

        /** E[T] by quadrature at this eta (equal to mu to about 1e-12 when built from mu). */
        public double[] quadratureMoments() {
            return achieved.clone();
        }

        /** E_p*[f(z)] by quadrature. */
        public double expectation(DoubleUnaryOperator f) {
            return density.expectation(f);
        }

        /** E_p*[f(z); a < z < b] by quadrature (not divided by the mass of (a, b)). */
        public double expectation(DoubleUnaryOperator f, double a, double b) {
            return density.expectation(f, a, b);
        }

        /** P*(Z <= z). */
        public double cdf(double z) {
            return z <= lo ? 0 : z >= hi ? 1 : density.cdf(z);
        }

        @Override
        public int dim() {
            return 1;
        }

        @Override
        public double[] eta() {
            return eta.clone();
        }

        @Override
        public double logZ() {
            return logZ;
        }

        @Override
        public double[] mu() {
            return mu.clone();
        }

        @Override
        public double entropy() {
            return entropy;
        }

        @Override
        public double[] modeWeights() {
            return weights.clone();
        }

        @Override
        public double[] statistics(double... z) {
            double[] t = new double[powers.length];
            for (int k = 0; k < t.length; k++) t[k] = Math.pow(z[0], powers[k]);
            return t;
        }

        @Override
        public double logDensity(double... z) {
            if (!(z[0] >= lo && z[0] <= hi)) return Double.NEGATIVE_INFINITY;
            return logUnnormalised(z[0]) - logZ;
        }

        @Override
        public double[][] sample(int n, RandomGenerator rng) {
            double[][] z = new double[n][1];
            for (double[] row : z) row[0] = density.quantile(rng.nextDouble());
            return z;
        }
    }

    // ------------------------------------------------------------------------------------------
    // (B) The principal eigenvalue of a 2x2 matrix
    // ------------------------------------------------------------------------------------------

    /**
     * z = (a, b, c, d) in the open box (-L, L)^4, A = [[a, b], [c, d]], with constraints
     * on its principal eigenvalue lambda (largest real part), written as Soma writes them:
     * mean(Re) == mR, std(Re) == sR, mean(Im) == mI, std(Im) == sI, i.e.
     * T(z) = (Re, (Re - mR)^2, Im, (Im - mI)^2) and mu = (mR, sR^2, mI, sI^2).
     * {@link #oscillator()} is examples/oscillating_linear_2d.soma: L = 10, (0, 0.5, 2 pi, 0.5).
     *
     * <p>Eigenvalues: tau = (a + d)/2, delta = (a - d)/2, disc = delta^2 + b c. If disc < 0,
     * lambda = tau +- i omega with omega = sqrt(-disc) (Im = omega > 0); else Re = tau + sqrt(disc), Im = 0.
     *
     * <p>Density of states. On the complex region change variables (a, d, b, c) -> (tau, delta, b, omega):
     * a = tau + delta, d = tau - delta (Jacobian 2), c = -(delta^2 + omega^2)/b (|dc/domega| = 2 omega/|b|),
     * so dz = 4 omega / |b| dtau ddelta db domega. With s = delta^2 + omega^2 the box asks |tau| + |delta| < L,
     * |b| < L and |c| = s/|b| < L, i.e. s/L < |b| < L. Integrating b (both signs) gives
     * 8 omega ln(L^2/s), and then delta over |delta| < D = min(L - |tau|, sqrt(L^2 - omega^2)):
     * <pre>
     *   g(tau, omega) = 16 omega [ D ln(L^2 / (D^2 + omega^2)) + 2 D - 2 omega atan(D / omega) ]
     * </pre>
     * (using the antiderivative of ln(x^2 + w^2), x ln(x^2 + w^2) - 2x + 2w atan(x/w)), the volume of
     * matrices per unit dtau domega. Its integral is the volume of the complex region, (2L)^4 * 23/72
     * (the classical 23/72 chance of complex eigenvalues for uniform entries), checked by the test.
     * Then Z = integral exp(eta . T(tau, omega)) g(tau, omega) dtau domega, by 12-point Gauss-Legendre:
     * omega = L sin(theta) (removes the square-root end at omega = L) on panels in theta, and tau on
     * panels split at the kinks tau = +-(L - sqrt(L^2 - omega^2)) of D. The moments are exact to
     * about 1e-13, the complex volume to 1e-14 relative.
     *
     * <p>The real region (disc >= 0) has Im = 0, so there exp(eta . T) = exp(eta_1 Re + eta_2 (Re - mR)^2
     * + eta_4 mI^2) with Re in (-L, 2L) and eta_4 strongly negative. Its mass is bounded by its volume
     * (2L)^4 * 49/72 times the largest such factor, over Z: {@link #logRealMassBound()} (for the
     * oscillator, below e^-72). It is left out of Z, the moments and the sampler; the constructor
     * refuses targets for which the bound exceeds 1e-12.
     *
     * <p>Modes: (b, c) -> (-b, -c) preserves A's eigenvalues and the box, so the two modes b < 0 and
     * b > 0 carry exactly half the mass each.
     *
     * <p>The oscillator's numbers: eta = (0, -1.99999630, 0.25669766, -1.92969095) (eta_1 = 0 by the
     * symmetry tau -> -tau), log Z = 8.14724076041, H = 7.51678363123 nats, real-region mass below
     * exp(-72.73). An independent nested quadrature directly in (delta, b, c) (no density of states)
     * agrees on log Z to 3e-13 and on the moments to 5e-13; plain Monte Carlo over the box agrees
     * within its error (MaxEntReferenceTest).
     *
     * <p>Exact sampler: (tau, omega) by rejection from exp(eta . T) gmax(omega), with
     * gmax(omega) = g(0, omega) = 32 omega (sqrt(L^2 - omega^2) - omega acos(omega/L)) >= g(tau, omega)
     * (g grows with D), accepting with g/gmax (nearly always); then delta from its density
     * proportional to ln(L^2/(delta^2 + omega^2)) on |delta| < D by inverting the closed-form CDF;
     * then |b| log-uniform on (s/L, L) with a random sign, c = -s/b, a = tau + delta, d = tau - delta.
     */
    public static final class LinearSystem2D implements Problem {
        private final double halfWidth, meanRe, stdRe, meanIm, stdIm;
        private final double[] eta, mu, achieved;
        private final double logZ, entropy, complexVolume, logRealMassBound;
        private Density1D omegaProposal; // built on first use by the sampler (so sample() is not thread-safe)

        public LinearSystem2D(double halfWidth, double meanRe, double stdRe, double meanIm, double stdIm) {
            if (!(halfWidth > 0 && stdRe > 0 && stdIm > 0))
                throw new IllegalArgumentException("need L, stdRe, stdIm > 0");
            this.halfWidth = halfWidth;
            this.meanRe = meanRe;
            this.stdRe = stdRe;
            this.meanIm = meanIm;
            this.stdIm = stdIm;
            this.mu = new double[] {meanRe, stdRe * stdRe, meanIm, stdIm * stdIm};
            double L = halfWidth;
            // quadrature nodes: theta in (0, pi/2), omega = L sin(theta); tau split at the kinks of D,
            // panels no wider than min(0.5, sR) in tau and about 0.3 min(0.5, sI) in omega
            double hTau = Math.min(0.5, stdRe);
            int thetaPanels = Math.max(100, (int) Math.ceil(Math.PI / 2 * L / (0.3 * Math.min(0.5, stdIm))));
            double[][] th =
                    GaussLegendre.G12.composite(panelEdges(new double[] {0, Math.PI / 2}, Math.PI / 2 / thetaPanels));
            double[][][] rows = new double[th[0].length][][];
            int count = 0;
            for (int j = 0; j < rows.length; j++) {
                double w = L * Math.sin(th[0][j]);
                double kink = L - Math.sqrt((L - w) * (L + w));
                double[] breaks = kink > 1e-12 * L ? new double[] {-L, -kink, 0, kink, L} : new double[] {-L, 0, L};
                rows[j] = GaussLegendre.G12.composite(panelEdges(breaks, hTau));
                count += rows[j][0].length;
            }
            double[] tau = new double[count], omega = new double[count], logBase = new double[count];
            double volume = 0;
            int i = 0;
            for (int j = 0; j < rows.length; j++) {
                double w = L * Math.sin(th[0][j]), ww = th[1][j] * L * Math.cos(th[0][j]);
                for (int k = 0; k < rows[j][0].length; k++, i++) {
                    tau[i] = rows[j][0][k];
                    omega[i] = w;
                    double gw = densityOfStates(tau[i], w) * rows[j][1][k] * ww;
                    volume += gw;
                    logBase[i] = gw > 0 ? Math.log(gw) : Double.NEGATIVE_INFINITY;
                }
            }
            complexVolume = volume;
            double[][] stats = {tau, new double[count], omega, new double[count]};
            for (i = 0; i < count; i++) {
                stats[1][i] = (tau[i] - meanRe) * (tau[i] - meanRe);
                stats[3][i] = (omega[i] - meanIm) * (omega[i] - meanIm);
            }
            WeightedNodes nodes = new WeightedNodes(logBase, stats);
            double[] start = {0, -0.5 / mu[1], 0, -0.5 / mu[3]};
            eta = solveEta(nodes, mu, start);
            Moments m = nodes.moments(eta);
            achieved = m.mean();
            logZ = m.logZ();
            entropy = logZ - dot(eta, achieved);
            // the real region: Im = 0 and Re in (-L, 2L); bound exp(eta . T) by its largest value there
            double best = Math.max(reFactor(-L), reFactor(2 * L));
            if (eta[1] < 0) {
                double vertex = meanRe - eta[0] / (2 * eta[1]);
                if (vertex > -L && vertex < 2 * L) best = Math.max(best, reFactor(vertex));
            }
            double realVolume = Math.pow(2 * L, 4) * 49 / 72;
            logRealMassBound = Math.log(realVolume) + best + eta[3] * meanIm * meanIm - logZ;
            if (logRealMassBound > Math.log(1e-12)) {
                throw new IllegalArgumentException("the real-eigenvalue region may carry mass up to exp("
                        + logRealMassBound + "); this reference leaves it out");
            }
        }

        private double reFactor(double re) {
            return eta[0] * re + eta[1] * (re - meanRe) * (re - meanRe);
        }

        /** The case of examples/oscillating_linear_2d.soma: L = 10, mean(Re) 0, std(Re) 0.5, mean(Im) 2 pi, std(Im) 0.5. */
        public static LinearSystem2D oscillator() {
            return new LinearSystem2D(10, 0, 0.5, 2 * Math.PI, 0.5);
        }

        /** {Re, Im} of the principal eigenvalue of [[a, b], [c, d]], exactly as the example computes it. */
        public static double[] principalEigenvalue(double a, double b, double c, double d) {
            double half = (a + d) / 2, delta = (a - d) / 2, disc = delta * delta + b * c;
            return disc < 0 ? new double[] {half, Math.sqrt(-disc)} : new double[] {half + Math.sqrt(disc), 0};
        }

        /** g(tau, omega): the volume of matrices in the box with eigenvalues tau +- i omega, per dtau domega (0 outside). */
        public double densityOfStates(double tau, double omega) {
            double L = halfWidth;
            if (!(omega > 0 && omega < L && Math.abs(tau) < L)) return 0;
            double d = Math.min(L - Math.abs(tau), Math.sqrt((L - omega) * (L + omega)));
            return 16
                    * omega
                    * (d * Math.log(L * L / (d * d + omega * omega)) + 2 * d - 2 * omega * Math.atan(d / omega));
        }

        /** g(0, omega) = max over tau of g(tau, omega) = 32 omega (sqrt(L^2 - omega^2) - omega acos(omega / L)). */
        private double maxDensityOfStates(double omega) {
            double L = halfWidth;
            if (!(omega > 0 && omega < L)) return 0;
            return 32 * omega * (Math.sqrt((L - omega) * (L + omega)) - omega * Math.acos(omega / L));
        }

        public double halfWidth() {
            return halfWidth;
        }

        /** The volume of the complex-eigenvalue region by this quadrature; exactly (2L)^4 * 23/72. */
        public double complexVolume() {
            return complexVolume;
        }

        /** log of an upper bound on p*(real-eigenvalue region), which this reference neglects. */
        public double logRealMassBound() {
            return logRealMassBound;
        }

        /** E[T] by quadrature at the solved eta (equal to mu to about 1e-13). */
        public double[] quadratureMoments() {
            return achieved.clone();
        }

        /** log of the joint density of (Re, Im) under p* (complex part), per dRe dIm; -infinity where none. */
        public double marginalLogDensity(double re, double im) {
            double g = densityOfStates(re, im);
            return g > 0
                    ? dot(eta, new double[] {re, (re - meanRe) * (re - meanRe), im, (im - meanIm) * (im - meanIm)})
                            + Math.log(g)
                            - logZ
                    : Double.NEGATIVE_INFINITY;
        }

        @Override
        public int dim() {
            return 4;
        }

        @Override
        public double[] eta() {
            return eta.clone();
        }

        @Override
        public double logZ() {
            return logZ;
        }

        @Override
        public double[] mu() {
            return mu.clone();
        }

        @Override
        public double entropy() {
            return entropy;
        }

        /** {P(b < 0), P(b > 0)}: exactly 1/2 each, by the symmetry (b, c) -> (-b, -c). */
        @Override
        public double[] modeWeights() {
            return new double[] {0.5, 0.5};
        }

        @Override
        public double[] statistics(double... z) {
            double[] l = principalEigenvalue(z[0], z[1], z[2], z[3]);
            return new double[] {l[0], (l[0] - meanRe) * (l[0] - meanRe), l[1], (l[1] - meanIm) * (l[1] - meanIm)};
        }

        @Override
        public double logDensity(double... z) {
            for (int j = 0; j < 4; j++) if (!(Math.abs(z[j]) < halfWidth)) return Double.NEGATIVE_INFINITY;
            return dot(eta, statistics(z)) - logZ;
        }

        @Override
        public double[][] sample(int n, RandomGenerator rng) {
            double L = halfWidth;
            if (omegaProposal == null) {
                omegaProposal = new Density1D(
                        panelEdges(new double[] {0, L}, 0.3 * Math.min(0.5, stdIm)),
                        w -> eta[2] * w + eta[3] * (w - meanIm) * (w - meanIm) + Math.log(maxDensityOfStates(w)),
                        GaussLegendre.G12);
            }
            Density1D tauDensity = eta[1] < 0
                    ? null
                    : new Density1D(
                            panelEdges(new double[] {-L, L}, Math.min(0.5, stdRe)),
                            t -> eta[0] * t + eta[1] * (t - meanRe) * (t - meanRe),
                            GaussLegendre.G12);
            double tauMean = eta[1] < 0 ? meanRe - eta[0] / (2 * eta[1]) : 0,
                    tauSd = eta[1] < 0 ? Math.sqrt(-0.5 / eta[1]) : 0;
            double[][] z = new double[n][];
            for (int s = 0; s < n; s++) {
                double t, w;
                while (true) {
                    if (tauDensity == null) {
                        do t = tauMean + tauSd * rng.nextGaussian();
                        while (!(Math.abs(t) < L)); // truncated Gaussian
                    } else {
                        t = tauDensity.quantile(rng.nextDouble());
                    }
                    w = omegaProposal.quantile(rng.nextDouble());
                    double gmax = maxDensityOfStates(w);
                    if (gmax > 0 && rng.nextDouble() * gmax < densityOfStates(t, w)) break;
                }
                double dMax = Math.min(L - Math.abs(t), Math.sqrt((L - w) * (L + w)));
                double delta = sampleDelta(dMax, w, rng.nextDouble());
                double ss = delta * delta + w * w;
                double b = ss / L * Math.exp(rng.nextDouble() * Math.log(L * L / ss));
                if (rng.nextBoolean()) b = -b;
                z[s] = new double[] {t + delta, b, -ss / b, t - delta};
            }
            return z;
        }

        /** delta on (-D, D) with density proportional to ln(L^2 / (delta^2 + w^2)), by inverting its closed-form CDF. */
        private double sampleDelta(double dMax, double w, double u) {
            double logL2 = 2 * Math.log(halfWidth);
            DoubleUnaryOperator antiderivative =
                    x -> x * logL2 - x * Math.log(x * x + w * w) + 2 * x - 2 * w * Math.atan(x / w);
            double target = (2 * u - 1) * antiderivative.applyAsDouble(dMax); // the antiderivative is odd
            double a = -dMax, b = dMax, x = 0;
            for (int it = 0; it < 200; it++) {
                double f = antiderivative.applyAsDouble(x) - target;
                if (f > 0) b = x;
                else a = x;
                double slope = logL2 - Math.log(x * x + w * w), next = x - f / slope;
                if (!(slope > 0) || !(next > a && next < b)) next = 0.5 * (a + b);
                if (Math.abs(next - x) <= 1e-15 * (1 + Math.abs(x)) || b - a <= 1e-15 * (1 + Math.abs(x))) return next;
                x = next;
            }
            return x;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Numerical machinery
    // ------------------------------------------------------------------------------------------

    /** log Z(eta), E[T] and Cov[T] under exp(eta . T) times the base measure of some quadrature nodes. */
    record Moments(double logZ, double[] mean, double[][] cov) {}

    /**
     * Quadrature nodes: logBase[i] = log(weight_i * base density_i), stats[k][i] = T_k at node i; then
     * the integral of h(z) exp(eta . T(z)) is sum_i h_i exp(logBase_i + eta . T_i).
     */
    static final class WeightedNodes {
        final double[] logBase;
        final double[][] stats;

        WeightedNodes(double[] logBase, double[][] stats) {
            this.logBase = logBase;
            this.stats = stats;
        }

        double[] logWeights(double[] eta) {
            double[] l = logBase.clone();
            for (int k = 0; k < stats.length; k++) {
                double e = eta[k];
                double[] t = stats[k];
                for (int i = 0; i < l.length; i++) l[i] += e * t[i];
            }
            return l;
        }

        double logZ(double[] eta) {
            double[] l = logWeights(eta);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : l) max = Math.max(max, v);
            double s = 0;
            for (double v : l) s += Math.exp(v - max);
            return max + Math.log(s);
        }

        Moments moments(double[] eta) {
            int n = logBase.length, m = stats.length;
            double[] p = logWeights(eta);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : p) max = Math.max(max, v);
            double z = 0;
            for (int i = 0; i < n; i++) z += p[i] = Math.exp(p[i] - max);
            double[] mean = new double[m];
            for (int k = 0; k < m; k++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += p[i] * stats[k][i];
                mean[k] = s / z;
            }
            double[][] cov = new double[m][m];
            double[][] centred = new double[m][];
            for (int k = 0; k < m; k++) {
                centred[k] = new double[n];
                for (int i = 0; i < n; i++) centred[k][i] = stats[k][i] - mean[k];
            }
            for (int k = 0; k < m; k++) {
                for (int l = 0; l <= k; l++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) s += p[i] * centred[k][i] * centred[l][i];
                    cov[k][l] = cov[l][k] = s / z;
                }
            }
            return new Moments(max + Math.log(z), mean, cov);
        }
    }

    /**
     * The eta with E_eta[T] = mu: damped Newton on the convex f(eta) = log Z(eta) - eta . mu
     * (gradient E[T] - mu, Hessian Cov[T]) with Armijo backtracking, until every residual is below
     * 1e-12 standard deviations of its statistic.
     */
    static double[] solveEta(WeightedNodes nodes, double[] mu, double[] start) {
        double[] eta = start.clone();
        for (int it = 0; it < 300; it++) {
            Moments m = nodes.moments(eta);
            double[] grad = new double[mu.length];
            double worst = 0;
            for (int k = 0; k < mu.length; k++) {
                grad[k] = m.mean()[k] - mu[k];
                worst = Math.max(worst, Math.abs(grad[k]) / Math.sqrt(m.cov()[k][k]));
            }
            if (worst < 1e-12) return eta;
            double[] step = solveLinear(m.cov(), grad);
            double f0 = m.logZ() - dot(eta, mu), slope = dot(grad, step), s = 1;
            while (true) {
                double[] trial = new double[eta.length];
                for (int k = 0; k < eta.length; k++) trial[k] = eta[k] - s * step[k];
                double f = nodes.logZ(trial) - dot(trial, mu);
                if (f <= f0 - 1e-4 * s * slope + 1e-14 * (1 + Math.abs(f0))) {
                    eta = trial;
                    break;
                }
                s *= 0.5;
                if (s < 1e-12) {
                    if (worst < 1e-9) return eta; // roundoff floor
                    throw new IllegalStateException(
                            "Newton stalled at residual " + worst + " sd; are the moments attainable?");
                }
            }
        }
        throw new IllegalStateException("Newton did not converge; are the moments attainable?");
    }

    /** Solves A x = b by Gaussian elimination with partial pivoting (small systems). */
    static double[] solveLinear(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            if (m[c][c] == 0) throw new ArithmeticException("singular covariance: dependent statistics?");
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) m[r][k] -= f * m[c][k];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) s -= m[r][k] * x[k];
            x[r] = s / m[r][r];
        }
        return x;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Panel edges: each interval between consecutive breaks cut into equal panels no wider than maxWidth. */
    static double[] panelEdges(double[] breaks, double maxWidth) {
        int total = 0;
        int[] counts = new int[breaks.length - 1];
        for (int i = 0; i + 1 < breaks.length; i++)
            total += counts[i] = Math.max(1, (int) Math.ceil((breaks[i + 1] - breaks[i]) / maxWidth - 1e-9));
        double[] edges = new double[total + 1];
        int e = 0;
        for (int i = 0; i + 1 < breaks.length; i++) {
            for (int k = 0; k < counts[i]; k++) edges[e++] = breaks[i] + (breaks[i + 1] - breaks[i]) * k / counts[i];
        }
        edges[total] = breaks[breaks.length - 1];
        return edges;
    }

    /** n-point Gauss-Legendre rule on [-1, 1], exact for polynomials of degree 2n - 1. */
    static final class GaussLegendre {
        static final GaussLegendre G12 = new GaussLegendre(12), G16 = new GaussLegendre(16);
        final double[] x, w;

        GaussLegendre(int n) {
            x = new double[n];
            w = new double[n];
            for (int i = 0; i < (n + 1) / 2; i++) {
                double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
                for (int it = 0; it < 100; it++) { // Newton on P_n
                    double[] p = legendre(n, z);
                    double dz = p[0] / p[1];
                    z -= dz;
                    if (Math.abs(dz) < 1e-16) break;
                }
                double pp = legendre(n, z)[1]; // P_n' at the converged node, for the weight
                x[i] = -z;
                x[n - 1 - i] = z;
                w[i] = w[n - 1 - i] = 2 / ((1 - z * z) * pp * pp);
            }
        }

        /** {P_n(z), P_n'(z)} by the three-term recurrence. */
        private static double[] legendre(int n, double z) {
            double p1 = 1, p2 = 0;
            for (int j = 1; j <= n; j++) {
                double p3 = p2;
                p2 = p1;
                p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
            }
            return new double[] {p1, n * (z * p1 - p2) / (z * z - 1)};
        }

        /** Integral of f over [a, b] by this rule. */
        double integrate(DoubleUnaryOperator f, double a, double b) {
            double c = 0.5 * (a + b), h = 0.5 * (b - a), s = 0;
            for (int k = 0; k < x.length; k++) s += w[k] * f.applyAsDouble(c + h * x[k]);
            return h * s;
        }

        /** {nodes, weights} of the composite rule on the given panel edges. */
        double[][] composite(double[] edges) {
            int n = x.length, p = edges.length - 1;
            double[] xs = new double[n * p], ws = new double[n * p];
            for (int j = 0; j < p; j++) {
                double c = 0.5 * (edges[j] + edges[j + 1]), h = 0.5 * (edges[j + 1] - edges[j]);
                for (int k = 0; k < n; k++) {
                    xs[j * n + k] = c + h * x[k];
                    ws[j * n + k] = h * w[k];
                }
            }
            return new double[][] {xs, ws};
        }
    }

    /**
     * A 1-D density proportional to exp(logf) on panel edges: its normaliser, CDF, expectations and
     * exact inverse-CDF draws (panel by cumulative mass, then safeguarded Newton on the within-panel
     * Gauss-Legendre integral, which is exact to roundoff for a smooth density on a short panel).
     */
    static final class Density1D {
        final double[] edges;
        final DoubleUnaryOperator logf;
        final GaussLegendre rule;
        final double shift;
        final double[] cumulative; // cumulative[i] = mass of the panels before i (scaled by exp(-shift))

        Density1D(double[] edges, DoubleUnaryOperator logf, GaussLegendre rule) {
            this.edges = edges;
            this.logf = logf;
            this.rule = rule;
            double[] xs = rule.composite(edges)[0];
            double max = Double.NEGATIVE_INFINITY;
            for (double x : xs) {
                double v = logf.applyAsDouble(x);
                if (v > max) max = v; // NaN (log of a roundoff-negative density) counts as zero density
            }
            if (max == Double.NEGATIVE_INFINITY) throw new IllegalArgumentException("density zero everywhere");
            shift = max;
            cumulative = new double[edges.length];
            for (int i = 0; i + 1 < edges.length; i++)
                cumulative[i + 1] = cumulative[i] + rule.integrate(this::f, edges[i], edges[i + 1]);
        }

        double f(double x) {
            double v = logf.applyAsDouble(x);
            return v == Double.NEGATIVE_INFINITY || Double.isNaN(v) ? 0 : Math.exp(v - shift);
        }

        double total() {
            return cumulative[cumulative.length - 1];
        }

        double logNormaliser() {
            return shift + Math.log(total());
        }

        private int panelOf(double x) {
            int i = Arrays.binarySearch(edges, x);
            if (i < 0) i = -i - 2;
            return Math.max(0, Math.min(edges.length - 2, i));
        }

        double cdf(double x) {
            int i = panelOf(x);
            return (cumulative[i] + rule.integrate(this::f, edges[i], x)) / total();
        }

        double expectation(DoubleUnaryOperator g) {
            return expectation(g, edges[0], edges[edges.length - 1]);
        }

        /** E[g(x); a < x < b]: the panels cut at a and b, so a step at either end costs no accuracy. */
        double expectation(DoubleUnaryOperator g, double a, double b) {
            double s = 0;
            for (int i = 0; i + 1 < edges.length; i++) {
                double l = Math.max(a, edges[i]), r = Math.min(b, edges[i + 1]);
                if (r > l) s += rule.integrate(x -> g.applyAsDouble(x) * f(x), l, r);
            }
            return s / total();
        }

        double quantile(double u) {
            double target = u * total();
            int i = Arrays.binarySearch(cumulative, target);
            if (i < 0) i = -i - 2;
            i = Math.max(0, Math.min(edges.length - 2, i));
            double r = target - cumulative[i], a = edges[i], b = edges[i + 1];
            double mass = cumulative[i + 1] - cumulative[i];
            if (!(mass > 0)) return a;
            double x = a + (b - a) * Math.min(1, Math.max(0, r / mass));
            for (int it = 0; it < 100; it++) {
                double F = rule.integrate(this::f, edges[i], x) - r;
                if (F > 0) b = x;
                else a = x;
                double fx = f(x), next = x - F / fx;
                if (!(fx > 0) || !(next > a && next < b)) next = 0.5 * (a + b);
                if (Math.abs(next - x) <= 1e-14 * (1 + Math.abs(x))) return next;
                x = next;
            }
            return x;
        }
    }
}
