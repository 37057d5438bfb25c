package soma.builtins.options;

import java.util.List;
import soma.builtins.Args;
import soma.numerics.Method;
import soma.numerics.Simulator;
import soma.runtime.Printer;
import soma.runtime.SomaError;

/**
 * The simulation options that simulate, sweep, epi, property_statistics and phase_portrait share
 * (t, steps, dt, method, rtol, atol, record, every, threads), read and checked here once, so the
 * builtins cannot disagree on a rule. Defaults stay each builtin's own (sweep: dt 0.025, euler).
 * A builtin without one of the optional parameters gets the value simulate would default to.
 */
public record SimulationOptions(
        Method method, double dt, long steps, int every, List<String> record, double rtol, double atol, int threads) {

    public static SimulationOptions read(Args a) {
        double dt = a.num("dt");
        if (!(dt > 0) || Double.isInfinite(dt)) throw a.error("dt must be positive, got " + Printer.number(dt));
        long steps = steps(a, dt);
        Method method = a.accepts("method") ? method(a) : Method.RK4;
        int every = 1;
        if (a.accepts("every")) {
            every = a.integer("every");
            if (every < 1) throw a.error("every must be at least 1");
            if (steps % every != 0)
                throw a.error("the number of steps (" + steps + ") must be a multiple of every (" + every + ")");
        }
        List<String> record = a.accepts("record") && a.given("record") ? Names.read(a, "record") : null;
        double rtol = a.accepts("rtol") ? a.num("rtol") : 1e-6;
        double atol = a.accepts("atol") ? a.num("atol") : 1e-9;
        if (!(rtol >= 0) || !(atol >= 0) || !(rtol + atol > 0) || Double.isInfinite(rtol + atol)) {
            throw a.error("rtol and atol must be finite and non-negative, and not both zero; got rtol = "
                    + Printer.number(rtol) + ", atol = " + Printer.number(atol));
        }
        int threads = a.accepts("threads") && a.given("threads")
                ? a.atLeast("threads", 1)
                : Runtime.getRuntime().availableProcessors();
        return new SimulationOptions(method, dt, steps, every, record, rtol, atol, threads);
    }

    /** The options of one run or batch; the rest (where it starts, what is batched) is the builtin's own. */
    public Simulator.Options toSimulator(
            double t0,
            List<String> record,
            List<String> over,
            double[][] batch,
            double[] from,
            List<String> sensitivities) {
        return new Simulator.Options(
                method, t0, dt, steps, every, record, rtol, atol, over, batch, from, threads, sensitivities);
    }

    private static Method method(Args a) {
        try {
            return Method.named(a.str("method"));
        } catch (SomaError e) {
            throw a.error("unknown method '" + a.str("method") + "' (euler, rk4 or dopri5)");
        }
    }

    /**
     * The number of steps: steps: itself, or a duration t: that dt divides (a t that is not a
     * whole number of steps is refused rather than rounded: a rounded run ends at another time).
     */
    private static long steps(Args a, double dt) {
        boolean bySteps = a.accepts("steps") && a.given("steps");
        boolean byTime = a.given("t");
        if (bySteps && byTime) throw a.error("give t: (a duration) or steps: (a number of steps), not both");
        long n;
        if (bySteps) {
            n = a.integer("steps");
            if (n < 0) throw a.error("the duration must not be negative");
        } else if (byTime) {
            double t = a.num("t");
            if (!Double.isFinite(t)) throw a.error("t must be a finite duration, got " + Printer.number(t));
            if (t < 0) throw a.error("the duration must not be negative");
            double ratio = t / dt;
            if (!(ratio <= 1e15))
                throw a.error("t = " + Printer.number(t) + " is too many steps of dt = " + Printer.number(dt));
            n = Math.round(ratio);
            if (Math.abs(ratio - n) > 1e-6 * Math.max(1, ratio)) {
                throw a.error(
                        "t = " + Printer.number(t) + " is not a whole number of steps of dt = " + Printer.number(dt));
            }
        } else {
            throw a.error("say how long: t: (a duration) or steps: (a number of steps)");
        }
        return n;
    }
}
