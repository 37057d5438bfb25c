package soma.numerics.batch;

import static soma.numerics.batch.BatchOps.*;

import java.util.Arrays;
import java.util.Map;
import soma.model.nodes.Rhs;
import soma.util.FastMath;

/**
 * A model's right-hand side for a batch of samples at once, struct-of-arrays: every state
 * element, constant that differs between samples and intermediate value is a row of one double
 * per sample, and every operation is a loop over the samples of a chunk, which C2 vectorises.
 *
 * <p>Built from the compiled {@link Rhs} nodes: each node is expanded element by element into
 * scalar operations (vectors of a model are small, or matrix-vector products, which become one
 * operation), shared subexpressions are computed once, constants (numbers, parameters equal in all
 * samples, static tensors) are folded in, and rows are reused once their last reader has run.
 * Arithmetic is the scalar path's, operation for operation, so results are bit-identical to it
 * except for exp, tanh, cosh, sinh and sigmoid, which use {@link FastMath} (a few ulps, stated and
 * tested there; in exact mode, {@link BatchSimulator#exactly}, the platform's, as the scalar path).
 * Other functions (log, sin, ...) run elementwise with the scalar path's own function, exactly, but
 * not vectorised. The lowering is {@link BatchLowering}, the operations {@link BatchOps}, the
 * generated loops {@link BatchCodegen}.
 */
public final class BatchProgram {
    /** Thrown while lowering when the model uses something the batch path does not do. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    final int stateSize;
    /** Rows: states [0, stateSize), the times of the stages (t, t + h/2, t + h), per-sample constants, outputs, registers. */
    final int timeSlot;

    final int firstConstant;

    /** The first per-sample constant's row: after the states and the three times of the stages. */
    static int firstConstant(int stateSize) {
        return stateSize + 3;
    }

    /** Per-sample constant row k holds constants[s][constSlot[k]][constIndex[k]]. */
    final int[] constSlot, constIndex;

    /** Rows outputBase + e are the next state's rows (the caller's arrays, set at every step). */
    final int outputBase;

    final int slots;
    final Op[] ops;
    /** Outputs not computed straight into their row: y'[e] = copies[e] (a row or a constant), null if direct. */
    final Ref[] copies;

    final boolean[] usesTime;

    BatchProgram(
            int stateSize, int[] constSlot, int[] constIndex, int slots, Op[] ops, Ref[] copies, boolean[] usesTime) {
        this.stateSize = stateSize;
        this.timeSlot = stateSize;
        this.firstConstant = firstConstant(stateSize);
        this.constSlot = constSlot;
        this.constIndex = constIndex;
        this.outputBase = firstConstant + constSlot.length;
        this.slots = slots;
        this.ops = ops;
        this.copies = copies;
        this.usesTime = usesTime;
    }

    /** Operations by kind, rows: for traces ({@code -Dsoma.batch.trace=true}). */
    public String describe() {
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (Op op : ops) {
            String k = switch (op) {
                case Bin b -> b.kind.name() + (b.a.constant() || b.b.constant() ? "c" : "");
                case Un u -> u.kind.name();
                case Fused f -> "LOOP";
                default -> op.getClass().getSimpleName();
            };
            kinds.merge(k, 1, Integer::sum);
        }
        return ops.length + " operations " + kinds + ", " + slots + " rows (" + stateSize + " states, "
                + constSlot.length + " per-sample constants)";
    }

    /** The memory of one thread: rows of the chunk length. */
    final class Frame {
        final double[][] s;
        final FastMath.Scratch scratch;

        Frame(int chunk) {
            s = new double[slots][];
            for (int k = stateSize; k < slots; k++)
                if (k < outputBase || k >= outputBase + stateSize) s[k] = new double[chunk];
            scratch = new FastMath.Scratch(chunk);
        }

        /** Loads the per-sample constants of samples [first, first + n). */
        void loadConstants(double[][][] constants, int first, int n) {
            for (int k = 0; k < constSlot.length; k++) {
                double[] row = s[firstConstant + k];
                int slot = constSlot[k], index = constIndex[k];
                for (int i = 0; i < n; i++) row[i] = constants[first + i][slot][index];
            }
        }

        /** One step from t of size h for the first n samples: the state rows y to the state rows next. */
        void step(double t, double h, double[][] y, double[][] next, int n) {
            double[][] s = this.s;
            System.arraycopy(y, 0, s, 0, stateSize);
            System.arraycopy(next, 0, s, outputBase, stateSize);
            if (usesTime[0]) Arrays.fill(s[timeSlot], 0, n, t);
            if (usesTime[1]) Arrays.fill(s[timeSlot + 1], 0, n, t + 0.5 * h);
            if (usesTime[2]) Arrays.fill(s[timeSlot + 2], 0, n, t + h);
            for (Op op : ops) op.run(s, n, scratch);
            for (int e = 0; e < stateSize; e++) {
                Ref d = copies[e];
                if (d == null) continue;
                if (d.constant()) Arrays.fill(next[e], 0, n, d.value());
                else System.arraycopy(s[d.slot()], 0, next[e], 0, n);
            }
        }
    }

    /**
     * Lowers a compiled right-hand side for the given samples' constants, or throws
     * {@link Unsupported}.
     */
    static BatchProgram lower(
            Rhs rhs, int stateSize, double[][][] constants, int stages, double h, boolean generate, boolean exact) {
        if (generate) {
            try {
                return new BatchLowering(stateSize, constants, exact).step(rhs, stages, h, true);
            } catch (Unsupported e) { // the model, not the code generation: the same without it
                throw e;
            } catch (RuntimeException | LinkageError e) { // code generation failed: the operations one by one
                if (Boolean.getBoolean("soma.batch.trace")) e.printStackTrace();
            }
        }
        return new BatchLowering(stateSize, constants, exact).step(rhs, stages, h, false);
    }
}
