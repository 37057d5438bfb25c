package soma.numerics.batch;

import java.util.ArrayList;
import java.util.List;
import soma.model.nodes.Elementwise;
import soma.numerics.batch.BatchOps.Bin;
import soma.numerics.batch.BatchOps.MatVec;
import soma.numerics.batch.BatchOps.Op;
import soma.numerics.batch.BatchOps.Ref;
import soma.numerics.batch.BatchOps.Select;
import soma.numerics.batch.BatchOps.U;
import soma.numerics.batch.BatchOps.Un;

/**
 * Compiles the batch path's loops before a session's first simulate needs them. Its first call
 * otherwise runs them in HotSpot's interpreter and first tier while C2 compiles each operation's
 * loop and FastMath's kernels (about 0.5-0.9 s of an STG batch that takes 17 ms once compiled,
 * issue 20). One small program using every operation class and function the lowering can emit,
 * called as often as C2 needs to compile them: plain Java on arrays, no guest code. An
 * interactive session runs it in the background ({@link soma.host.WarmUp}).
 */
public final class BatchWarmup {
    private BatchWarmup() {}

    /**
     * Calls of the warm-up program (25 steps of 128 samples each): C2 compiles a method after
     * some hundreds of calls, so the driver's loop (BatchSimulator's worker, the frame's step)
     * must be called that often too, not only run long (one long call is compiled on stack
     * only, and a real call would compile it again).
     */
    static final int ROUNDS = 1000;

    /**
     * How long the warm-up keeps calling, one call every 10 ms after its rounds: HotSpot drops
     * a queued compilation whose method has stopped running, and the compiler's queue is long
     * at start-up.
     */
    static final long KEEP_MILLIS = 3000;

    /** Runs the warm-up program on this thread ({@link soma.host.WarmUp} calls it in the background). */
    public static void run() {
        run(ROUNDS, KEEP_MILLIS);
    }

    /** Runs the warm-up program on this thread; true when its states stayed finite (they are bounded). */
    static boolean run(int rounds, long keepMillis) {
        BatchProgram program = program();
        int chunk = 128;
        double[][] initial = new double[chunk][];
        for (int i = 0; i < chunk; i++) initial[i] = new double[] {0.01 * (i % 50) - 0.25, 0.5};
        long end = System.nanoTime() + keepMillis * 1_000_000;
        boolean finite = true;
        for (int round = 0; round < rounds || System.nanoTime() < end; round++) {
            finite &= BatchSimulator.integrateForWarmup(program, chunk, initial, 25);
            if (round >= rounds) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return finite;
                }
            }
        }
        return finite;
    }

    /**
     * Two states, y0 and y1, whose next values are tanh(...) and sigmoid(...) of everything else
     * (so they stay in (-1, 1) and (0, 1): every division is by at least 0.25). Each operation
     * class of {@link BatchOps} appears with each operand kind (row, constant).
     */
    static BatchProgram program() {
        int states = 2;
        int base = BatchProgram.firstConstant(states); // no per-sample constants: outputs next
        int outputs = base, first = base + states;
        List<Op> ops = new ArrayList<>();
        int[] next = {first};
        Ref y0 = new Ref(0, 0), y1 = new Ref(1, 0);
        Ref a = add(ops, next, BatchOps.binaryOp(Elementwise.Binary.Kind.ADD, y0, y1, next[0]));
        Ref b = add(ops, next, BatchOps.binaryOp(Elementwise.Binary.Kind.ADD, y0, Ref.of(0.5), next[0]));
        Ref c = add(ops, next, BatchOps.binaryOp(Elementwise.Binary.Kind.ADD, Ref.of(0.25), y1, next[0])); // >= 0.25
        Ref d = add(ops, next, BatchOps.binaryOp(Elementwise.Binary.Kind.SUB, a, b, next[0]));
        Ref e = add(ops, next, BatchOps.binaryOp(Elementwise.Binary.Kind.SUB, c, Ref.of(0.1), next[0]));
        Ref f = add(ops, next, BatchOps.binaryOp(Elementwise.Binary.Kind.SUB, Ref.of(1), d, next[0]));
        Ref g = add(ops, next, BatchOps.binaryOp(Elementwise.Binary.Kind.MUL, e, f, next[0]));
        Ref h = add(ops, next, BatchOps.binaryOp(Elementwise.Binary.Kind.MUL, g, Ref.of(0.3), next[0]));
        Ref i = add(ops, next, BatchOps.binaryOp(Elementwise.Binary.Kind.MUL, Ref.of(0.7), h, next[0]));
        Ref j = add(ops, next, BatchOps.binaryOp(Elementwise.Binary.Kind.DIV, i, c, next[0]));
        Ref k = add(ops, next, BatchOps.binaryOp(Elementwise.Binary.Kind.DIV, j, Ref.of(3), next[0]));
        Ref l = add(ops, next, BatchOps.binaryOp(Elementwise.Binary.Kind.DIV, Ref.of(1), c, next[0]));
        Ref m = add(ops, next, new Bin(Elementwise.Binary.Kind.MIN, k, l, next[0]));
        Ref n = add(ops, next, new Bin(Elementwise.Binary.Kind.MAX, m, Ref.of(-2), next[0]));
        Ref o = add(ops, next, new Bin(Elementwise.Binary.Kind.MAX, Ref.of(-3), n, next[0]));
        Ref p = add(ops, next, new Bin(Elementwise.Binary.Kind.MIN, o, y0, next[0]));
        Ref q = add(ops, next, new Bin(Elementwise.Binary.Kind.POW, c, Ref.of(2), next[0])); // the elementwise rest
        Ref r = unary(ops, next, U.NEG, p);
        Ref s = unary(ops, next, U.EXP, r);
        Ref t = unary(ops, next, U.TANH, s);
        Ref u = unary(ops, next, U.COSH, y0);
        Ref v = unary(ops, next, U.SINH, y0);
        Ref w = unary(ops, next, U.SIGMOID, q);
        Ref x = unary(ops, next, U.SQRT, c);
        Ref z = unary(ops, next, U.ABS, v);
        Ref atan = add(ops, next, new Un(U.GENERIC, Math::atan, z, next[0], false)); // any other function
        Ref not = unary(ops, next, U.NOT, z);
        Ref sel = add(ops, next, new Select(not, u, atan, next[0]));
        Ref sel2 = add(ops, next, new Select(y0, Ref.of(1), x, next[0]));
        int[] mv = {next[0], next[0] + 1};
        next[0] += 2;
        ops.add(new MatVec(new double[] {0.1, -0.2, 0.3, 0.05, 0.2, 0.1}, 2, 3, new Ref[] {t, sel, Ref.of(1)}, mv));
        Ref sum = add(ops, next, BatchOps.binaryOp(Elementwise.Binary.Kind.ADD, new Ref(mv[0], 0), sel2, next[0]));
        Ref sum2 = add(ops, next, BatchOps.binaryOp(Elementwise.Binary.Kind.ADD, new Ref(mv[1], 0), w, next[0]));
        ops.add(new Un(U.TANH, null, sum, outputs, false));
        ops.add(new Un(U.SIGMOID, null, sum2, outputs + 1, false));
        return new BatchProgram(
                states, new int[0], new int[0], next[0], ops.toArray(new Op[0]), new Ref[states], new boolean[3]);
    }

    private static Ref add(List<Op> ops, int[] next, Op op) {
        ops.add(op);
        return new Ref(next[0]++, 0);
    }

    private static Ref unary(List<Op> ops, int[] next, U kind, Ref a) {
        return add(ops, next, new Un(kind, x -> x, a, next[0], false));
    }
}
