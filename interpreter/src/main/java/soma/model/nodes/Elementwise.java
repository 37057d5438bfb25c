package soma.model.nodes;

import java.util.function.DoubleUnaryOperator;
import soma.runtime.Operators;

/** Elementwise operations: value i depends only on element i of the operands. */
public final class Elementwise {
    private Elementwise() {}

    /** a op b with the operator a compile-time constant of the node, so Graal folds the dispatch. */
    public static final class Binary extends MNode {
        public enum Kind {
            ADD,
            SUB,
            MUL,
            DIV,
            MOD,
            POW,
            LT,
            LE,
            GT,
            GE,
            EQ,
            NE,
            AND,
            OR,
            MIN,
            MAX,
            ATAN2,
            HYPOT;

            /** The operator on two numbers: the one definition the scalar and the batch paths share. */
            public double apply(double x, double y) {
                return switch (this) {
                    case ADD -> x + y;
                    case SUB -> x - y;
                    case MUL -> x * y;
                    case DIV -> x / y;
                    case MOD -> Operators.mod(x, y);
                    case POW -> Math.pow(x, y);
                    case LT -> x < y ? 1 : 0;
                    case LE -> x <= y ? 1 : 0;
                    case GT -> x > y ? 1 : 0;
                    case GE -> x >= y ? 1 : 0;
                    case EQ -> x == y ? 1 : 0;
                    case NE -> x != y ? 1 : 0;
                    case AND -> x != 0 && y != 0 ? 1 : 0;
                    case OR -> x != 0 || y != 0 ? 1 : 0;
                    case MIN -> Math.min(x, y);
                    case MAX -> Math.max(x, y);
                    case ATAN2 -> Math.atan2(x, y);
                    case HYPOT -> Math.hypot(x, y);
                };
            }
        }

        @Child
        private MNode a;

        @Child
        private MNode b;

        private final Kind kind;

        public Binary(Kind kind, MNode a, MNode b) {
            this.kind = kind;
            this.a = a;
            this.b = b;
        }

        public Kind kind() {
            return kind;
        }

        public MNode a() {
            return a;
        }

        public MNode b() {
            return b;
        }

        @Override
        public void prepare(Workspace w) {
            a.prepare(w);
            b.prepare(w);
        }

        @Override
        public double at(Workspace w, int i) {
            return kind.apply(a.at(w, i), b.at(w, i));
        }
    }

    /** x^n for a small whole n, as multiplications (Math.pow is far slower, and v^3 is everywhere). */
    public static final class IntPow extends MNode {
        @Child
        private MNode x;

        private final int n;

        public IntPow(MNode x, int n) {
            this.x = x;
            this.n = n;
        }

        public MNode x() {
            return x;
        }

        public int n() {
            return n;
        }

        @Override
        public void prepare(Workspace w) {
            x.prepare(w);
        }

        @Override
        @com.oracle.truffle.api.nodes.ExplodeLoop
        public double at(Workspace w, int i) {
            double v = x.at(w, i);
            double r = 1;
            for (int k = 0; k < Math.abs(n); k++) r *= v;
            return n < 0 ? 1 / r : r;
        }
    }

    public static final class Unary extends MNode {
        @Child
        private MNode x;

        private final DoubleUnaryOperator f;

        public Unary(DoubleUnaryOperator f, MNode x) {
            this.f = f;
            this.x = x;
        }

        public DoubleUnaryOperator f() {
            return f;
        }

        public MNode x() {
            return x;
        }

        @Override
        public void prepare(Workspace w) {
            x.prepare(w);
        }

        @Override
        public double at(Workspace w, int i) {
            return f.applyAsDouble(x.at(w, i));
        }
    }

    public static final class Neg extends MNode {
        @Child
        private MNode x;

        public Neg(MNode x) {
            this.x = x;
        }

        public MNode x() {
            return x;
        }

        @Override
        public void prepare(Workspace w) {
            x.prepare(w);
        }

        @Override
        public double at(Workspace w, int i) {
            return -x.at(w, i);
        }
    }

    public static final class Not extends MNode {
        @Child
        private MNode x;

        public Not(MNode x) {
            this.x = x;
        }

        public MNode x() {
            return x;
        }

        @Override
        public void prepare(Workspace w) {
            x.prepare(w);
        }

        @Override
        public double at(Workspace w, int i) {
            return x.at(w, i) == 0 ? 1 : 0;
        }
    }

    /** {@code if c { a } else { b }}: only the chosen branch is evaluated for each element. */
    public static final class Select extends MNode {
        @Child
        private MNode condition;

        @Child
        private MNode then;

        @Child
        private MNode otherwise;

        public Select(MNode condition, MNode then, MNode otherwise) {
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        public MNode condition() {
            return condition;
        }

        public MNode then() {
            return then;
        }

        public MNode otherwise() {
            return otherwise;
        }

        @Override
        public void prepare(Workspace w) {
            condition.prepare(w);
            then.prepare(w);
            otherwise.prepare(w);
        }

        @Override
        public double at(Workspace w, int i) {
            return condition.at(w, i) != 0 ? then.at(w, i) : otherwise.at(w, i);
        }
    }
}
