package soma.analysis;

import soma.linalg.Linalg;
import soma.tensor.Tensor;

/** The type of a fixed point from the eigenvalues of the Jacobian there (hyperbolic cases, and centres). */
public final class Stability {
    private Stability() {}

    public record Kind(String type, boolean stable, Tensor eigenvalues) {}

    public static Kind classify(Tensor jacobian) {
        Tensor ev = Linalg.eigvals(jacobian);
        double[] re = ev.realData();
        double[] im = ev.imagData();
        double scale = 1e-12;
        for (int i = 0; i < re.length; i++) scale = Math.max(scale, Math.hypot(re[i], im == null ? 0 : im[i]));
        double tol = 1e-9 * scale;
        int negative = 0, positive = 0, zero = 0;
        boolean oscillatory = false;
        for (int i = 0; i < re.length; i++) {
            if (re[i] < -tol) negative++;
            else if (re[i] > tol) positive++;
            else zero++;
            if (im != null && Math.abs(im[i]) > tol) oscillatory = true;
        }
        String type;
        if (zero > 0)
            type = zero == re.length && oscillatory ? "centre" : "non-hyperbolic (an eigenvalue with zero real part)";
        else if (positive == 0) type = oscillatory ? "stable focus" : "stable node";
        else if (negative == 0) type = oscillatory ? "unstable focus" : "unstable node";
        else type = "saddle";
        return new Kind(type, zero == 0 && positive == 0, ev);
    }
}
