package soma.numerics;

/** Raised inside an integrator when the state stops being finite or the step size underflows. */
final class Divergence extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int sample;
    final double t;
    final int element;
    final String reason;

    Divergence(int sample, double t, int element, String reason) {
        super(reason, null, false, false);
        this.sample = sample;
        this.t = t;
        this.element = element;
        this.reason = reason;
    }
}
