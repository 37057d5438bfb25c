package soma.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Small deterministic inputs and image helpers shared by the tests. */
final class TestData {
    private TestData() {}

    static double[] linspace(double a, double b, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a + (b - a) * i / (n - 1);
        }
        return x;
    }

    static double[] gaussian(int n, long seed) {
        Random r = new Random(seed);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = r.nextGaussian();
        }
        return g;
    }

    /** Two eigenvalue-like discs of radius 1 and 2. */
    static List<List<double[]>> discs() {
        Random r = new Random(7);
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            double[] x = new double[200];
            double[] y = new double[200];
            for (int i = 0; i < 200; i++) {
                double rad = Math.sqrt(r.nextDouble()) * (k + 1);
                double th = r.nextDouble() * 2 * Math.PI;
                x[i] = rad * Math.cos(th);
                y[i] = rad * Math.sin(th);
            }
            xs.add(x);
            ys.add(y);
        }
        return List.of(xs, ys);
    }

    /** A smooth sweep z = 0.3 + 0.2 f g with the cells near 0.525 marked. */
    static double[] sweepF() {
        return linspace(0.1, 1.1, 21);
    }

    static double[] sweepG() {
        return linspace(0.5, 1.9, 15);
    }

    static double[][] sweepZ() {
        double[] f = sweepF();
        double[] g = sweepG();
        double[][] z = new double[g.length][f.length];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < f.length; j++) {
                z[i][j] = 0.3 + 0.2 * f[j] * g[i];
            }
        }
        return z;
    }

    static boolean[][] sweepMask(double[][] z) {
        boolean[][] m = new boolean[z.length][z[0].length];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[0].length; j++) {
                m[i][j] = Math.abs(z[i][j] - 0.525) <= 0.025;
            }
        }
        return m;
    }

    static Set<Integer> colours(BufferedImage img) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                c.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return c;
    }

    /** Pixels within {@code tol} per channel of {@code rgb}. */
    static int countNear(BufferedImage img, int rgb, int tol) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= tol
                        && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= tol
                        && Math.abs((p & 0xff) - (rgb & 0xff)) <= tol) {
                    n++;
                }
            }
        }
        return n;
    }
}
