package soma.numerics.batch;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import soma.model.nodes.Elementwise;
import soma.runtime.MathFunctions;
import soma.util.FastMath;

/**
 * The operations of a {@link BatchProgram}: each a loop over the samples of a chunk (rows of one
 * double per sample), one fixed operator per loop so that C2 vectorises it. The lowering
 * ({@link BatchLowering}) makes them; {@link BatchCodegen} fuses runs of the arithmetic ones.
 */
final class BatchOps {
    private BatchOps() {}

    /** Locals of generated loops are numbered from here (never rows). */
    static final int LOCAL = 1 << 24;

    /** An operand: a row (slot >= 0), a local of generated code (slot >= LOCAL) or a constant (slot < 0). */
    record Ref(int slot, double value) {
        boolean constant() {
            return slot < 0;
        }

        static Ref of(double v) {
            return new Ref(-1, v);
        }
    }

    public abstract static class Op {
        /** SSA outputs before allocation, rows after. */
        int[] out;

        abstract Ref[] inputs();

        abstract void setInputs(Ref[] in);

        public abstract void run(double[][] s, int n, FastMath.Scratch scratch);
    }

    /**
     * The operator, for the generated loops; {@link Bin#run} runs MIN, MAX and OTHER only: add,
     * subtract, multiply and divide have classes of their own ({@link #binaryOp}).
     */
    enum B {
        ADD,
        SUB,
        MUL,
        DIV,
        MIN,
        MAX,
        OTHER
    }

    static class Bin extends Op {
        final Elementwise.Binary.Kind kind;
        final B fast;
        Ref a, b;

        Bin(Elementwise.Binary.Kind kind, Ref a, Ref b, int out) {
            this.kind = kind;
            this.a = a;
            this.b = b;
            this.out = new int[] {out};
            B f;
            try {
                f = B.valueOf(kind.name());
            } catch (IllegalArgumentException e) {
                f = B.OTHER;
            }
            this.fast = f;
        }

        @Override
        Ref[] inputs() {
            return new Ref[] {a, b};
        }

        @Override
        void setInputs(Ref[] in) {
            a = in[0];
            b = in[1];
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]];
            if (!a.constant() && !b.constant()) {
                double[] x = s[a.slot()], y = s[b.slot()];
                switch (fast) {
                    case MIN -> {
                        for (int i = 0; i < n; i++) o[i] = Math.min(x[i], y[i]);
                    }
                    case MAX -> {
                        for (int i = 0; i < n; i++) o[i] = Math.max(x[i], y[i]);
                    }
                    case OTHER -> {
                        for (int i = 0; i < n; i++) o[i] = apply(kind, x[i], y[i]);
                    }
                }
            } else if (!a.constant()) {
                double[] x = s[a.slot()];
                double c = b.value();
                switch (fast) {
                    case MIN -> {
                        for (int i = 0; i < n; i++) o[i] = Math.min(x[i], c);
                    }
                    case MAX -> {
                        for (int i = 0; i < n; i++) o[i] = Math.max(x[i], c);
                    }
                    case OTHER -> {
                        for (int i = 0; i < n; i++) o[i] = apply(kind, x[i], c);
                    }
                }
            } else {
                double c = a.value();
                double[] y = s[b.slot()];
                switch (fast) {
                    case MIN -> {
                        for (int i = 0; i < n; i++) o[i] = Math.min(c, y[i]);
                    }
                    case MAX -> {
                        for (int i = 0; i < n; i++) o[i] = Math.max(c, y[i]);
                    }
                    case OTHER -> {
                        for (int i = 0; i < n; i++) o[i] = apply(kind, c, y[i]);
                    }
                }
            }
        }
    }

    /**
     * The binary operation, specialised by operator and operand kinds (one small loop each). The
     * classes below look alike on purpose: C2 vectorises a loop whose body is one fixed operator,
     * not one that switches on the operator per element ({@link Bin#run} for the rare kinds).
     */
    static Bin binaryOp(Elementwise.Binary.Kind kind, Ref a, Ref b, int out) {
        boolean va = !a.constant(), vb = !b.constant();
        return switch (kind) {
            case ADD -> va && vb ? new AddVV(a, b, out) : va ? new AddVC(a, b, out) : new AddCV(a, b, out);
            case SUB -> va && vb ? new SubVV(a, b, out) : va ? new SubVC(a, b, out) : new SubCV(a, b, out);
            case MUL -> va && vb ? new MulVV(a, b, out) : va ? new MulVC(a, b, out) : new MulCV(a, b, out);
            case DIV -> va && vb ? new DivVV(a, b, out) : va ? new DivVC(a, b, out) : new DivCV(a, b, out);
            default -> new Bin(kind, a, b, out);
        };
    }

    static final class AddVV extends Bin {
        AddVV(Ref a, Ref b, int out) {
            super(Elementwise.Binary.Kind.ADD, a, b, out);
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]], x = s[a.slot()], y = s[b.slot()];
            for (int i = 0; i < n; i++) o[i] = x[i] + y[i];
        }
    }

    static final class AddVC extends Bin {
        AddVC(Ref a, Ref b, int out) {
            super(Elementwise.Binary.Kind.ADD, a, b, out);
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]], x = s[a.slot()];
            double c = b.value();
            for (int i = 0; i < n; i++) o[i] = x[i] + c;
        }
    }

    static final class AddCV extends Bin {
        AddCV(Ref a, Ref b, int out) {
            super(Elementwise.Binary.Kind.ADD, a, b, out);
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]], y = s[b.slot()];
            double c = a.value();
            for (int i = 0; i < n; i++) o[i] = c + y[i];
        }
    }

    static final class SubVV extends Bin {
        SubVV(Ref a, Ref b, int out) {
            super(Elementwise.Binary.Kind.SUB, a, b, out);
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]], x = s[a.slot()], y = s[b.slot()];
            for (int i = 0; i < n; i++) o[i] = x[i] - y[i];
        }
    }

    static final class SubVC extends Bin {
        SubVC(Ref a, Ref b, int out) {
            super(Elementwise.Binary.Kind.SUB, a, b, out);
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]], x = s[a.slot()];
            double c = b.value();
            for (int i = 0; i < n; i++) o[i] = x[i] - c;
        }
    }

    static final class SubCV extends Bin {
        SubCV(Ref a, Ref b, int out) {
            super(Elementwise.Binary.Kind.SUB, a, b, out);
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]], y = s[b.slot()];
            double c = a.value();
            for (int i = 0; i < n; i++) o[i] = c - y[i];
        }
    }

    static final class MulVV extends Bin {
        MulVV(Ref a, Ref b, int out) {
            super(Elementwise.Binary.Kind.MUL, a, b, out);
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]], x = s[a.slot()], y = s[b.slot()];
            for (int i = 0; i < n; i++) o[i] = x[i] * y[i];
        }
    }

    static final class MulVC extends Bin {
        MulVC(Ref a, Ref b, int out) {
            super(Elementwise.Binary.Kind.MUL, a, b, out);
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]], x = s[a.slot()];
            double c = b.value();
            for (int i = 0; i < n; i++) o[i] = x[i] * c;
        }
    }

    static final class MulCV extends Bin {
        MulCV(Ref a, Ref b, int out) {
            super(Elementwise.Binary.Kind.MUL, a, b, out);
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]], y = s[b.slot()];
            double c = a.value();
            for (int i = 0; i < n; i++) o[i] = c * y[i];
        }
    }

    static final class DivVV extends Bin {
        DivVV(Ref a, Ref b, int out) {
            super(Elementwise.Binary.Kind.DIV, a, b, out);
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]], x = s[a.slot()], y = s[b.slot()];
            for (int i = 0; i < n; i++) o[i] = x[i] / y[i];
        }
    }

    static final class DivVC extends Bin {
        DivVC(Ref a, Ref b, int out) {
            super(Elementwise.Binary.Kind.DIV, a, b, out);
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]], x = s[a.slot()];
            double c = b.value();
            for (int i = 0; i < n; i++) o[i] = x[i] / c;
        }
    }

    static final class DivCV extends Bin {
        DivCV(Ref a, Ref b, int out) {
            super(Elementwise.Binary.Kind.DIV, a, b, out);
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]], y = s[b.slot()];
            double c = a.value();
            for (int i = 0; i < n; i++) o[i] = c / y[i];
        }
    }

    /** The scalar path's binary operators ({@link Elementwise.Binary}), for folding and the rare kinds. */
    static double apply(Elementwise.Binary.Kind kind, double x, double y) {
        return kind.apply(x, y);
    }

    enum U {
        NEG,
        NOT,
        EXP,
        TANH,
        COSH,
        SINH,
        SIGMOID,
        SQRT,
        ABS,
        GENERIC
    }

    static final Map<DoubleUnaryOperator, U> FAST = fastFunctions();

    private static Map<DoubleUnaryOperator, U> fastFunctions() {
        Map<DoubleUnaryOperator, U> m = new IdentityHashMap<>();
        m.put(MathFunctions.ALL.get("exp").op(), U.EXP);
        m.put(MathFunctions.ALL.get("tanh").op(), U.TANH);
        m.put(MathFunctions.ALL.get("cosh").op(), U.COSH);
        m.put(MathFunctions.ALL.get("sinh").op(), U.SINH);
        m.put(MathFunctions.ALL.get("sigmoid").op(), U.SIGMOID);
        m.put(MathFunctions.ALL.get("sqrt").op(), U.SQRT);
        m.put(MathFunctions.ALL.get("abs").op(), U.ABS);
        return m;
    }

    static final class Un extends Op {
        final U kind;
        final DoubleUnaryOperator f;
        Ref a;

        /** The platform's Math functions, as the scalar path computes them (exact mode), instead of FastMath's. */
        final boolean exact;

        Un(U kind, DoubleUnaryOperator f, Ref a, int out, boolean exact) {
            this.kind = kind;
            this.f = f;
            this.a = a;
            this.out = new int[] {out};
            this.exact = exact;
        }

        @Override
        Ref[] inputs() {
            return new Ref[] {a};
        }

        @Override
        void setInputs(Ref[] in) {
            a = in[0];
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]], x = s[a.slot()];
            switch (kind) {
                case NEG -> {
                    for (int i = 0; i < n; i++) o[i] = -x[i];
                }
                case NOT -> {
                    for (int i = 0; i < n; i++) o[i] = x[i] == 0 ? 1 : 0;
                }
                // Exact mode: the scalar path's functions (MathFunctions), called directly rather
                // than through the DoubleUnaryOperator (a call site shared by every function, so
                // never inlined: 2x slower per element); the same Java methods, the same values.
                case EXP -> {
                    if (exact) for (int i = 0; i < n; i++) o[i] = Math.exp(x[i]);
                    else FastMath.exp(x, 1, o, n, scratch);
                }
                case TANH -> {
                    if (exact) for (int i = 0; i < n; i++) o[i] = Math.tanh(x[i]);
                    else FastMath.tanh(x, o, n, scratch);
                }
                case COSH -> {
                    if (exact) for (int i = 0; i < n; i++) o[i] = Math.cosh(x[i]);
                    else FastMath.cosh(x, o, n, scratch);
                }
                case SINH -> {
                    if (exact) for (int i = 0; i < n; i++) o[i] = Math.sinh(x[i]);
                    else FastMath.sinh(x, o, n, scratch);
                }
                case SIGMOID -> {
                    if (exact) for (int i = 0; i < n; i++) o[i] = 1.0 / (1.0 + Math.exp(-x[i]));
                    else FastMath.sigmoid(x, o, n, scratch);
                }
                case SQRT -> {
                    for (int i = 0; i < n; i++) o[i] = Math.sqrt(x[i]);
                }
                case ABS -> {
                    for (int i = 0; i < n; i++) o[i] = Math.abs(x[i]);
                }
                case GENERIC -> {
                    for (int i = 0; i < n; i++) o[i] = f.applyAsDouble(x[i]);
                }
            }
        }
    }

    /** A generated loop over the samples (one run of arithmetic operations, fused). */
    public interface Loop {
        void run(double[][] s, int n);
    }

    /** The operations of a fused loop, run as one: its generated code. */
    static final class Fused extends Op {
        final Loop loop;

        Fused(Loop loop) {
            this.loop = loop;
            this.out = new int[0];
        }

        @Override
        Ref[] inputs() {
            return new Ref[0];
        }

        @Override
        void setInputs(Ref[] in) {}

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            loop.run(s, n);
        }
    }

    static final class Select extends Op {
        Ref c, a, b;

        Select(Ref c, Ref a, Ref b, int out) {
            this.c = c;
            this.a = a;
            this.b = b;
            this.out = new int[] {out};
        }

        @Override
        Ref[] inputs() {
            return new Ref[] {c, a, b};
        }

        @Override
        void setInputs(Ref[] in) {
            c = in[0];
            a = in[1];
            b = in[2];
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            double[] o = s[out[0]];
            for (int i = 0; i < n; i++) {
                double cv = c.constant() ? c.value() : s[c.slot()][i];
                o[i] = cv != 0
                        ? (a.constant() ? a.value() : s[a.slot()][i])
                        : (b.constant() ? b.value() : s[b.slot()][i]);
            }
        }
    }

    /** out_r = sum_j W[r, j] x_j, summed in the scalar path's order (from 0, j ascending). */
    static final class MatVec extends Op {
        final double[] w;
        final int rows, cols;
        Ref[] x;

        MatVec(double[] w, int rows, int cols, Ref[] x, int[] out) {
            this.w = w;
            this.rows = rows;
            this.cols = cols;
            this.x = x;
            this.out = out;
        }

        @Override
        Ref[] inputs() {
            return x.clone();
        }

        @Override
        void setInputs(Ref[] in) {
            x = in;
        }

        @Override
        public void run(double[][] s, int n, FastMath.Scratch scratch) {
            for (int r = 0; r < rows; r++) {
                double[] o = s[out[r]];
                Arrays.fill(o, 0, n, 0.0);
                int base = r * cols;
                for (int j = 0; j < cols; j++) {
                    double wj = w[base + j];
                    Ref xj = x[j];
                    if (xj.constant()) {
                        double p = wj * xj.value();
                        for (int i = 0; i < n; i++) o[i] += p;
                    } else {
                        double[] v = s[xj.slot()];
                        for (int i = 0; i < n; i++) o[i] += wj * v[i];
                    }
                }
            }
        }
    }
}
