package soma.numerics.batch;

import static soma.numerics.batch.BatchOps.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import soma.model.nodes.Elementwise;
import soma.model.nodes.Leaves;
import soma.model.nodes.MNode;
import soma.model.nodes.Materialized;
import soma.model.nodes.Rhs;
import soma.numerics.batch.BatchProgram.Unsupported;

/**
 * Lowers a compiled right-hand side ({@link Rhs}) into a {@link BatchProgram}: each node expanded
 * element by element into scalar operations ({@link BatchOps}), shared subexpressions computed
 * once, constants folded in, exact rewrites of negations and unit factors, unread operations
 * dropped, and rows reused once their last reader has run.
 */
final class BatchLowering {
    final int stateSize;
    final double[][][] constants;
    final boolean[] uniform;
    final List<Op> ops = new ArrayList<>();
    final Map<MNode, Ref[]> memo = new IdentityHashMap<>();
    final Map<Integer, Ref[]> buffers = new HashMap<>();
    final Map<Long, Integer> constRows = new HashMap<>();
    final List<int[]> constList = new ArrayList<>();
    final Map<MNode, Boolean> scalar = new IdentityHashMap<>();
    /** Common subexpressions: the same operation on the same operands is one row. */
    final Map<List<Object>, Ref> cse = new HashMap<>();

    int next;
    /** SSA registers are numbered from here; allocation maps them to rows. */
    static final int REG = 1 << 20;

    /** The platform's Math functions (as the scalar path) instead of FastMath's vectorised ones. */
    final boolean exact;

    BatchLowering(int stateSize, double[][][] constants, boolean exact) {
        this.exact = exact;
        this.stateSize = stateSize;
        this.constants = constants;
        uniform = uniformSlots(constants);
        next = REG;
    }

    /** Which constant slots are equal in all samples (those fold into the program). */
    static boolean[] uniformSlots(double[][][] constants) {
        boolean[] uniform = new boolean[constants[0].length];
        for (int k = 0; k < uniform.length; k++) {
            boolean same = true;
            for (int s = 1; s < constants.length && same; s++) same = Arrays.equals(constants[0][k], constants[s][k]);
            uniform[k] = same;
        }
        return uniform;
    }

    /** The state elements' operands (rows, or the intermediate states of RK4) and the time's. */
    Ref[] stateRefs;

    final boolean[] usesTime = new boolean[3];
    int timeIndex;

    /** f(t, y) for the given state operands and time row (0: t, 1: t + h/2, 2: t + h). */
    Ref[] derivative(Rhs rhs, Ref[] y, int time) {
        stateRefs = y;
        timeIndex = time;
        memo.clear();
        matvecs.clear();
        buffers.clear();
        for (Rhs.Assign a : rhs.definitions()) {
            if (a.toDerivative()) throw new Unsupported("a definition into dy");
            Ref[] values = new Ref[a.n()];
            for (int i = 0; i < a.n(); i++) values[i] = lower(a.value(), i, a.n());
            buffers.put(a.slot(), values);
        }
        Ref[] dy = new Ref[stateSize];
        Arrays.fill(dy, Ref.of(0));
        for (Rhs.Assign a : rhs.equations()) {
            if (!a.toDerivative()) throw new Unsupported("an equation into a buffer");
            for (int i = 0; i < a.n(); i++) dy[a.offset() + i] = lower(a.value(), i, a.n());
        }
        return dy;
    }

    /** y + c k, as the scalar integrators compute it: y[i] + c * k[i]. */
    Ref[] axpy(Ref[] y, double c, Ref[] k) {
        Ref[] out = new Ref[y.length];
        for (int e = 0; e < y.length; e++)
            out[e] = binary(Elementwise.Binary.Kind.ADD, y[e], binary(Elementwise.Binary.Kind.MUL, Ref.of(c), k[e]));
        return out;
    }

    /** The whole step of forward Euler (stages 1) or RK4 (4), its arithmetic exactly the scalar StepNode's. */
    BatchProgram step(Rhs rhs, int stages, double h, boolean generate) {
        Ref[] y = new Ref[stateSize];
        for (int e = 0; e < stateSize; e++) y[e] = new Ref(e, 0);
        Ref[] next;
        if (stages == 1) {
            next = axpy(y, h, derivative(rhs, y, 0));
        } else {
            Ref[] k1 = derivative(rhs, y, 0);
            Ref[] k2 = derivative(rhs, axpy(y, 0.5 * h, k1), 1);
            Ref[] k3 = derivative(rhs, axpy(y, 0.5 * h, k2), 1);
            Ref[] k4 = derivative(rhs, axpy(y, h, k3), 2);
            next = new Ref[stateSize];
            Elementwise.Binary.Kind add = Elementwise.Binary.Kind.ADD, mul = Elementwise.Binary.Kind.MUL;
            for (int e = 0; e < stateSize; e++) {
                Ref sum = binary(
                        add,
                        binary(add, binary(add, k1[e], binary(mul, Ref.of(2), k2[e])), binary(mul, Ref.of(2), k3[e])),
                        k4[e]);
                next[e] = binary(add, y[e], binary(mul, Ref.of(h / 6), sum));
            }
        }
        dropUnread(next);
        return allocate(next, generate);
    }

    private int fresh() {
        return next++;
    }

    private boolean isScalar(MNode node) {
        Boolean known = scalar.get(node);
        if (known != null) return known;
        boolean s = switch (node) {
            case Leaves.Num n -> true;
            case Leaves.Time t -> true;
            case Leaves.StateScalar x -> true;
            case Leaves.ConstScalar x -> true;
            case Leaves.BufferScalar x -> true;
            case Leaves.StateVector x -> false;
            case Leaves.ConstVector x -> false;
            case Leaves.BufferVector x -> false;
            case Materialized.Sum x -> true;
            case Materialized.Element x -> true;
            case Materialized.MatVec x -> false;
            case Materialized.Stack x -> false;
            case Elementwise.Binary b -> isScalar(b.a()) && isScalar(b.b());
            case Elementwise.IntPow p -> isScalar(p.x());
            case Elementwise.Unary u -> isScalar(u.x());
            case Elementwise.Neg u -> isScalar(u.x());
            case Elementwise.Not u -> isScalar(u.x());
            case Elementwise.Select c -> isScalar(c.condition()) && isScalar(c.then()) && isScalar(c.otherwise());
            default -> throw new Unsupported("node " + node.getClass().getSimpleName());
        };
        scalar.put(node, s);
        return s;
    }

    /** Element i of node's value (whose length is n when it is a vector). */
    private Ref lower(MNode node, int i, int n) {
        if (isScalar(node)) i = 0;
        Ref[] known = memo.get(node);
        if (known != null && known.length > i && known[i] != null) return known[i];
        Ref r = compute(node, i);
        if (known == null || known.length <= i) {
            Ref[] grown = new Ref[Math.max(i + 1, Math.max(n, known == null ? 1 : known.length))];
            if (known != null) System.arraycopy(known, 0, grown, 0, known.length);
            known = grown;
            memo.put(node, known);
        }
        known[i] = r;
        return r;
    }

    private Ref compute(MNode node, int i) {
        return switch (node) {
            case Leaves.Num x -> Ref.of(x.value());
            case Leaves.Time t -> {
                usesTime[timeIndex] = true;
                yield new Ref(stateSize + timeIndex, 0);
            }
            case Leaves.StateScalar x -> stateRefs[x.offset()];
            case Leaves.StateVector x -> stateRefs[x.offset() + i];
            case Leaves.ConstScalar x -> constant(x.slot(), 0);
            case Leaves.ConstVector x -> constant(x.slot(), i);
            case Leaves.BufferScalar x -> buffer(x.slot(), 0);
            case Leaves.BufferVector x -> buffer(x.slot(), i);
            case Materialized.Sum x -> {
                Ref s = Ref.of(0);
                for (int j = 0; j < x.n(); j++) s = binary(Elementwise.Binary.Kind.ADD, s, lower(x.x(), j, x.n()));
                yield x.mean() ? binary(Elementwise.Binary.Kind.DIV, s, Ref.of(x.n())) : s;
            }
            case Materialized.Element x -> lower(x.x(), x.k(), x.k() + 1);
            case Materialized.Stack x -> lower(x.parts()[i], 0, 1);
            case Materialized.MatVec x -> matvec(x, i);
            case Elementwise.Binary b -> binary(b.kind(), lower(b.a(), i, 1), lower(b.b(), i, 1));
            case Elementwise.IntPow p -> {
                Ref v = lower(p.x(), i, 1);
                int k = Math.abs(p.n());
                Ref r = Ref.of(1);
                for (int j = 0; j < k; j++) r = binary(Elementwise.Binary.Kind.MUL, r, v);
                yield p.n() < 0 ? binary(Elementwise.Binary.Kind.DIV, Ref.of(1), r) : r;
            }
            case Elementwise.Unary u -> {
                Ref v = lower(u.x(), i, 1);
                if (v.constant()) yield Ref.of(u.f().applyAsDouble(v.value()));
                U kind = FAST.getOrDefault(u.f(), U.GENERIC);
                yield unary(kind, u.f(), v);
            }
            case Elementwise.Neg u -> {
                Ref v = lower(u.x(), i, 1);
                yield v.constant() ? Ref.of(-v.value()) : unary(U.NEG, null, v);
            }
            case Elementwise.Not u -> {
                Ref v = lower(u.x(), i, 1);
                yield v.constant() ? Ref.of(v.value() == 0 ? 1 : 0) : unary(U.NOT, null, v);
            }
            case Elementwise.Select c -> {
                Ref cond = lower(c.condition(), i, 1);
                if (cond.constant()) yield cond.value() != 0 ? lower(c.then(), i, 1) : lower(c.otherwise(), i, 1);
                int out = fresh();
                ops.add(new Select(cond, lower(c.then(), i, 1), lower(c.otherwise(), i, 1), out));
                yield new Ref(out, 0);
            }
            default -> throw new Unsupported("node " + node.getClass().getSimpleName());
        };
    }

    private final Map<Materialized.MatVec, int[]> matvecs = new IdentityHashMap<>();

    private Ref matvec(Materialized.MatVec m, int i) {
        int[] out = matvecs.get(m);
        if (out == null) {
            if (!uniform[m.matrix()] && (long) m.rows() * m.cols() > 4096)
                throw new Unsupported("a large matrix that differs between samples");
            Ref[] x = new Ref[m.cols()];
            for (int j = 0; j < m.cols(); j++) x[j] = lower(m.x(), j, m.cols());
            out = new int[m.rows()];
            if (uniform[m.matrix()]) {
                for (int r = 0; r < out.length; r++) out[r] = fresh();
                ops.add(new MatVec(constants[0][m.matrix()], m.rows(), m.cols(), x, out.clone()));
            } else { // a small matrix that differs between samples: its entries are rows, the sums scalar operations
                for (int r = 0; r < out.length; r++) {
                    Ref sum = Ref.of(0);
                    for (int j = 0; j < m.cols(); j++) {
                        Ref product = binary(Elementwise.Binary.Kind.MUL, constant(m.matrix(), r * m.cols() + j), x[j]);
                        sum = binary(Elementwise.Binary.Kind.ADD, sum, product);
                    }
                    if (sum.constant()) throw new Unsupported("a constant matrix-vector product");
                    out[r] = sum.slot();
                }
            }
            matvecs.put(m, out);
        }
        return new Ref(out[i], 0);
    }

    private Ref constant(int slot, int index) {
        if (uniform[slot]) return Ref.of(constants[0][slot][index]);
        long key = ((long) slot << 32) | index;
        Integer row = constRows.get(key);
        if (row == null) {
            row = BatchProgram.firstConstant(stateSize) + constList.size();
            constList.add(new int[] {slot, index});
            constRows.put(key, row);
        }
        return new Ref(row, 0);
    }

    private Ref buffer(int slot, int i) {
        Ref[] values = buffers.get(slot);
        if (values == null) throw new Unsupported("a buffer read before it is written");
        return values[values.length == 1 ? 0 : i];
    }

    /** Registers holding -x, by register: the x (for the rewrites of {@link #simplified}). */
    final Map<Integer, Ref> negated = new HashMap<>();

    private Ref negatedOf(Ref r) {
        return r.constant() ? null : negated.get(r.slot());
    }

    private static boolean is(Ref r, double v) {
        return r.constant() && Double.doubleToRawLongBits(r.value()) == Double.doubleToRawLongBits(v);
    }

    /**
     * The same value by fewer operations, bit for bit in IEEE arithmetic (signed zeros, NaN and
     * infinities included), or null: x + (-y) = x - y, (-x) + y = y - x, x - (-y) = x + y,
     * x + (-0) = x - (+0) = x * 1 = x / 1 = x, (-x)(-y) = xy, (-x) c = x (-c), (-x) / c = x / (-c),
     * x (-1) = -x. Sensitivity systems are full of these (the derivative of a - b, of -x, ...).
     * A negation left unread is dropped before allocation.
     */
    private Ref simplified(Elementwise.Binary.Kind kind, Ref a, Ref b) {
        Ref na = negatedOf(a), nb = negatedOf(b);
        Elementwise.Binary.Kind add = Elementwise.Binary.Kind.ADD,
                sub = Elementwise.Binary.Kind.SUB,
                mul = Elementwise.Binary.Kind.MUL,
                div = Elementwise.Binary.Kind.DIV;
        switch (kind) {
            case ADD -> {
                if (nb != null) return binary(sub, a, nb);
                if (na != null) return binary(sub, b, na);
                if (is(b, -0.0)) return a;
                if (is(a, -0.0)) return b;
            }
            case SUB -> {
                if (nb != null) return binary(add, a, nb);
                if (is(b, 0.0)) return a;
            }
            case MUL -> {
                if (na != null && nb != null) return binary(mul, na, nb);
                if (is(b, 1.0)) return a;
                if (is(a, 1.0)) return b;
                if (is(b, -1.0)) return unary(U.NEG, null, a);
                if (is(a, -1.0)) return unary(U.NEG, null, b);
                if (na != null && b.constant()) return binary(mul, na, Ref.of(-b.value()));
                if (nb != null && a.constant()) return binary(mul, Ref.of(-a.value()), nb);
            }
            case DIV -> {
                if (is(b, 1.0)) return a;
                if (na != null && b.constant()) return binary(div, na, Ref.of(-b.value()));
                if (na != null && nb != null) return binary(div, na, nb);
            }
            default -> {}
        }
        return null;
    }

    private Ref binary(Elementwise.Binary.Kind kind, Ref a, Ref b) {
        if (a.constant() && b.constant()) return Ref.of(apply(kind, a.value(), b.value()));
        Ref simpler = simplified(kind, a, b);
        if (simpler != null) return simpler;
        List<Object> key = List.of(kind, a, b);
        Ref known = cse.get(key);
        if (known != null) return known;
        int out = fresh();
        ops.add(binaryOp(kind, a, b, out));
        Ref r = new Ref(out, 0);
        cse.put(key, r);
        return r;
    }

    private Ref unary(U kind, DoubleUnaryOperator f, Ref a) {
        if (kind == U.NEG && negatedOf(a) != null) return negatedOf(a); // -(-x) = x
        List<Object> key = f == null ? List.of(kind, a) : List.of(kind, f, a);
        Ref known = cse.get(key);
        if (known != null) return known;
        int out = fresh();
        ops.add(new Un(kind, f, a, out, exact));
        Ref r = new Ref(out, 0);
        cse.put(key, r);
        if (kind == U.NEG) negated.put(out, a);
        return r;
    }

    /** Drops the operations none of whose results is read (negations the rewrites made unread). */
    private void dropUnread(Ref[] next) {
        java.util.Set<Integer> live = new java.util.HashSet<>();
        for (Ref r : next) if (!r.constant()) live.add(r.slot());
        List<Op> kept = new ArrayList<>();
        for (int k = ops.size() - 1; k >= 0; k--) {
            Op op = ops.get(k);
            boolean read = false;
            for (int o : op.out) read |= live.contains(o);
            if (!read) continue;
            kept.add(op);
            for (Ref r : op.inputs()) if (!r.constant()) live.add(r.slot());
        }
        java.util.Collections.reverse(kept);
        ops.clear();
        ops.addAll(kept);
    }

    /** Fused operations (code generation): plain arithmetic. */
    static boolean fusable(Op op) {
        return op instanceof Bin b && b.fast != B.OTHER
                || op instanceof Un u && (u.kind == U.NEG || u.kind == U.SQRT || u.kind == U.ABS);
    }

    /** Operations per generated loop at most (C2 compiles and unrolls smaller loops better). */
    static final int SEGMENT = Integer.getInteger("soma.batch.segment", 16);

    /**
     * Generated loops pay off only for programs with few of them: every loop is a class that
     * C2 must compile before it is fast, and a program with many (STG: one between each pair of
     * exponentials) spends a short run in slow code; measured (bench kernel), FitzHugh-Nagumo's
     * step (4 loops) is 2.6x faster generated, STG's (30) 3x slower. Above this many loops, the
     * operations run one by one.
     */
    static volatile int maxLoops = Integer.getInteger("soma.batch.loops", 8);

    /** How many loops code generation would make: the runs of fusable operations. */
    private int loops() {
        int loops = 0;
        boolean in = false;
        for (Op op : ops) {
            boolean f = fusable(op);
            if (f && !in) loops++;
            in = f;
        }
        return loops;
    }

    /**
     * The loop each operation belongs to (consecutive fusable operations, at most {@link #SEGMENT}
     * per loop), or -1 for an operation that runs on its own (all of them without code generation).
     */
    private int[] segments(boolean generate) {
        int[] segment = new int[ops.size()];
        int seg = -1, inSeg = 0;
        for (int k = 0; k < segment.length; k++) {
            if (!generate || !fusable(ops.get(k))) {
                segment[k] = -1;
                inSeg = 0;
                continue;
            }
            if (inSeg == 0 || inSeg >= SEGMENT) {
                seg++;
                inSeg = 0;
            }
            segment[k] = seg;
            inSeg++;
        }
        return segment;
    }

    /**
     * Maps SSA registers to rows, reusing a row once the last operation that reads it has run.
     * With code generation, runs of fusable operations become one loop each, and values used
     * only inside their loop are locals of the generated code (no row at all).
     */
    private BatchProgram allocate(Ref[] next, boolean generate) {
        int n = ops.size();
        boolean fused = generate && loops() <= maxLoops; // too many loops: the operations one by one
        int[] segment = segments(fused);
        Map<Integer, Integer> defOp = new HashMap<>();
        for (int k = 0; k < n; k++) for (int r : ops.get(k).out) defOp.put(r, k);
        Map<Integer, Integer> lastUse = new HashMap<>();
        java.util.Set<Integer> escapes = new java.util.HashSet<>();
        for (int k = 0; k < n; k++) {
            for (Ref r : ops.get(k).inputs()) {
                if (r.constant() || r.slot() < REG) continue;
                lastUse.put(r.slot(), k);
                int d = defOp.get(r.slot());
                if (segment[d] < 0 || segment[d] != segment[k]) escapes.add(r.slot());
            }
        }
        int outputBase = BatchProgram.firstConstant(stateSize) + constList.size();
        Map<Integer, Integer> outputOf = new HashMap<>(); // register -> state element it is the next value of
        Ref[] copies = new Ref[stateSize];
        for (int e = 0; e < stateSize; e++) {
            Ref r = next[e];
            if (!r.constant() && r.slot() >= REG && !outputOf.containsKey(r.slot())) outputOf.put(r.slot(), e);
            else copies[e] = r;
        }
        for (int r : outputOf.keySet()) escapes.add(r);
        for (Ref r : copies)
            if (r != null && !r.constant() && r.slot() >= REG) lastUse.put(r.slot(), Integer.MAX_VALUE);
        Map<Integer, Integer> row = new HashMap<>();
        java.util.ArrayDeque<Integer> free = new java.util.ArrayDeque<>();
        int rows = outputBase + stateSize;
        List<List<Integer>> dying = new ArrayList<>();
        for (int k = 0; k < n; k++) dying.add(new ArrayList<>());
        for (Map.Entry<Integer, Integer> e : lastUse.entrySet())
            if (e.getValue() != Integer.MAX_VALUE && !outputOf.containsKey(e.getKey()))
                dying.get(e.getValue()).add(e.getKey());
        int locals = 0;
        for (int k = 0; k < n; k++) {
            Op op = ops.get(k);
            Ref[] in = op.inputs();
            for (int j = 0; j < in.length; j++)
                if (!in[j].constant() && in[j].slot() >= REG) in[j] = new Ref(row.get(in[j].slot()), 0);
            op.setInputs(in);
            List<Integer> unread = new ArrayList<>();
            for (int j = 0; j < op.out.length; j++) {
                int reg = op.out[j];
                int r;
                if (outputOf.containsKey(reg)) r = outputBase + outputOf.get(reg);
                else if (segment[k] >= 0 && !escapes.contains(reg)) r = LOCAL + locals++; // a local of the loop
                else {
                    r = free.isEmpty() ? rows++ : free.pop();
                    if (!lastUse.containsKey(reg)) unread.add(r); // never read: its row is free right after
                }
                row.put(reg, r);
                op.out[j] = r;
            }
            for (int r : unread) free.push(r);
            for (int reg : dying.get(k)) {
                int r = row.get(reg);
                if (r < LOCAL) free.push(r);
            }
        }
        for (int e = 0; e < stateSize; e++) {
            Ref r = copies[e];
            if (r != null && !r.constant() && r.slot() >= REG) copies[e] = new Ref(row.get(r.slot()), 0);
        }
        int[] cs = new int[constList.size()], ci = new int[constList.size()];
        for (int k = 0; k < cs.length; k++) {
            cs[k] = constList.get(k)[0];
            ci[k] = constList.get(k)[1];
        }
        Op[] program = ops.toArray(new Op[0]);
        if (fused) program = BatchCodegen.fuse(program, segment);
        return new BatchProgram(stateSize, cs, ci, rows, program, copies, usesTime.clone());
    }
}
