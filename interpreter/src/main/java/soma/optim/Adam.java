package soma.optim;

/**
 * Adam (Kingma and Ba 2015) as a stateful stepper over a flat parameter vector: used by
 * {@code minimize(method: adam)}, flow fitting and EPI (which resets it every epoch).
 */
public final class Adam {
    private static final double B1 = 0.9, B2 = 0.999, EPS = 1e-8;
    private final double[] m, v;
    private double lr;
    private int t;

    public Adam(int size, double lr) {
        this.m = new double[size];
        this.v = new double[size];
        this.lr = lr;
    }

    /** Changes the step size from the next step on (a schedule), keeping the moments. */
    public void learningRate(double lr) {
        this.lr = lr;
    }

    /** x <- x - lr * mhat / (sqrt(vhat) + eps), in place. */
    public void step(double[] x, double[] g) {
        t++;
        double c1 = 1 - Math.pow(B1, t), c2 = 1 - Math.pow(B2, t);
        for (int i = 0; i < x.length; i++) {
            m[i] = B1 * m[i] + (1 - B1) * g[i];
            v[i] = B2 * v[i] + (1 - B2) * g[i] * g[i];
            x[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
        }
    }

    /** Moments and step count, for checkpoints. */
    public double[][] state() {
        return new double[][] {m.clone(), v.clone(), {t}};
    }

    public void restore(double[][] s) {
        System.arraycopy(s[0], 0, m, 0, m.length);
        System.arraycopy(s[1], 0, v, 0, v.length);
        t = (int) s[2][0];
    }
}
