package soma.tensor;

/**
 * Scalar complex kernels. They write into output arrays at an index instead of returning an
 * object, so the elementwise loops allocate nothing per element.
 */
final class Complex {
    private Complex() {}

    /** Binary op on (ar + i ai) and (br + i bi). Boolean-valued ops write only {@code oR}. */
    static void binary(BinaryOp op, double ar, double ai, double br, double bi, double[] oR, double[] oI, int k) {
        switch (op) {
            case ADD -> {
                oR[k] = ar + br;
                oI[k] = ai + bi;
            }
            case SUB -> {
                oR[k] = ar - br;
                oI[k] = ai - bi;
            }
            case MUL -> {
                oR[k] = ar * br - ai * bi;
                oI[k] = ar * bi + ai * br;
            }
            case DIV -> div(ar, ai, br, bi, oR, oI, k);
            case POW -> pow(ar, ai, br, bi, oR, oI, k);
            case EQ -> oR[k] = ar == br && ai == bi ? 1 : 0;
            case NE -> oR[k] = ar != br || ai != bi ? 1 : 0;
            case AND -> oR[k] = (ar != 0 || ai != 0) && (br != 0 || bi != 0) ? 1 : 0;
            case OR -> oR[k] = (ar != 0 || ai != 0) || (br != 0 || bi != 0) ? 1 : 0;
            default -> throw new TensorException("operator " + op.symbol + " is not defined for complex tensors");
        }
    }

    /** Smith's algorithm: scales by the larger denominator part to avoid overflow. */
    static void div(double ar, double ai, double br, double bi, double[] oR, double[] oI, int k) {
        if (Math.abs(br) >= Math.abs(bi)) {
            if (br == 0 && bi == 0) { // 0 denominator: follow the real IEEE behaviour per part
                oR[k] = ar / 0.0;
                oI[k] = ai / 0.0;
                return;
            }
            double r = bi / br, d = br + bi * r;
            oR[k] = (ar + ai * r) / d;
            oI[k] = (ai - ar * r) / d;
        } else {
            double r = br / bi, d = br * r + bi;
            oR[k] = (ar * r + ai) / d;
            oI[k] = (ai * r - ar) / d;
        }
    }

    /**
     * z^w. Small integer real exponents use repeated squaring so that e.g. (1+2j)**2 is exactly
     * -3+4j (as numpy gives); everything else is exp(w log z) on the principal branch.
     */
    static void pow(double ar, double ai, double br, double bi, double[] oR, double[] oI, int k) {
        if (bi == 0 && br == Math.rint(br) && Math.abs(br) <= 64) {
            long n = (long) Math.abs(br);
            double rr = 1, ri = 0, xr = ar, xi = ai;
            while (n > 0) {
                if ((n & 1) != 0) {
                    double t = rr * xr - ri * xi;
                    ri = rr * xi + ri * xr;
                    rr = t;
                }
                double t = xr * xr - xi * xi;
                xi = 2 * xr * xi;
                xr = t;
                n >>= 1;
            }
            if (br < 0) div(1, 0, rr, ri, oR, oI, k);
            else {
                oR[k] = rr;
                oI[k] = ri;
            }
            return;
        }
        if (ar == 0 && ai == 0) {
            if (br == 0 && bi == 0) {
                oR[k] = 1;
                oI[k] = 0;
            } else if (br > 0) {
                oR[k] = 0;
                oI[k] = 0;
            } else {
                oR[k] = Double.NaN;
                oI[k] = Double.NaN;
            }
            return;
        }
        double logR = Math.log(Math.hypot(ar, ai)), theta = Math.atan2(ai, ar);
        double er = br * logR - bi * theta, ei = br * theta + bi * logR;
        double m = Math.exp(er);
        oR[k] = m * Math.cos(ei);
        oI[k] = m * Math.sin(ei);
    }

    /** Unary function of (a + ib). Real-valued results (abs, angle, real, imag, not) write only oR. */
    static void unary(UnaryOp op, double a, double b, double[] oR, double[] oI, int k) {
        switch (op) {
            case NEG -> {
                oR[k] = -a;
                oI[k] = -b;
            }
            case CONJ -> {
                oR[k] = a;
                oI[k] = -b;
            }
            case REAL -> oR[k] = a;
            case IMAG -> oR[k] = b;
            case ABS -> oR[k] = Math.hypot(a, b);
            case ANGLE -> oR[k] = Math.atan2(b, a);
            case NOT -> oR[k] = a == 0 && b == 0 ? 1 : 0;
            case EXP -> {
                double m = Math.exp(a);
                oR[k] = m * Math.cos(b);
                oI[k] = m * Math.sin(b);
            }
            case LOG -> {
                oR[k] = Math.log(Math.hypot(a, b));
                oI[k] = Math.atan2(b, a);
            }
            case SQRT -> sqrt(a, b, oR, oI, k);
            case SIN -> {
                oR[k] = Math.sin(a) * Math.cosh(b);
                oI[k] = Math.cos(a) * Math.sinh(b);
            }
            case COS -> {
                oR[k] = Math.cos(a) * Math.cosh(b);
                oI[k] = -Math.sin(a) * Math.sinh(b);
            }
            case TAN -> {
                // tan(a+ib) = (sin 2a + i sinh 2b) / (cos 2a + cosh 2b); for huge |b| it is ±i.
                if (Math.abs(b) > 350) {
                    oR[k] = 0;
                    oI[k] = Math.copySign(1, b);
                    return;
                }
                double d = Math.cos(2 * a) + Math.cosh(2 * b);
                oR[k] = Math.sin(2 * a) / d;
                oI[k] = Math.sinh(2 * b) / d;
            }
            case TANH -> {
                // tanh(a+ib) = (sinh 2a + i sin 2b) / (cosh 2a + cos 2b); for huge |a| it is ±1.
                if (Math.abs(a) > 350) {
                    oR[k] = Math.copySign(1, a);
                    oI[k] = 0;
                    return;
                }
                double d = Math.cosh(2 * a) + Math.cos(2 * b);
                oR[k] = Math.sinh(2 * a) / d;
                oI[k] = Math.sin(2 * b) / d;
            }
            default -> throw new TensorException(op.displayName() + " is not defined for complex tensors");
        }
    }

    /** Principal square root, computed without cancellation in either half-plane. */
    static void sqrt(double a, double b, double[] oR, double[] oI, int k) {
        if (a == 0 && b == 0) {
            oR[k] = 0;
            oI[k] = b;
            return;
        }
        double r = Math.hypot(a, b);
        if (a >= 0) {
            double t = Math.sqrt((r + a) / 2);
            oR[k] = t;
            oI[k] = b / (2 * t);
        } else {
            double t = Math.sqrt((r - a) / 2);
            oR[k] = Math.abs(b) / (2 * t);
            oI[k] = Math.copySign(t, b);
        }
    }

    /** Does the unary op produce a real tensor even from a complex input? */
    static boolean realResult(UnaryOp op) {
        return switch (op) {
            case REAL, IMAG, ABS, ANGLE, NOT -> true;
            default -> false;
        };
    }
}
