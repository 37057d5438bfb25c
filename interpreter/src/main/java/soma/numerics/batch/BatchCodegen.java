package soma.numerics.batch;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates the code of a batch step (JDK's class-file API, a hidden class): every run of plain
 * arithmetic operations becomes one loop over the samples of the chunk, its intermediate values in
 * locals (registers) instead of rows in memory, its inputs loaded once per sample and its results
 * stored once, which C2 compiles and vectorises like hand-written Java; the other operations
 * (FastMath kernels, matrix-vector products, selections) are called in between. The arithmetic is
 * the operations' own (same operators, same order), so results do not change.
 */
final class BatchCodegen {
    private BatchCodegen() {}

    private static final ClassDesc SCRATCH = ClassDesc.of("soma.util.FastMath$Scratch");
    private static final ClassDesc OP = ClassDesc.of("soma.numerics.batch.BatchProgram$Op");
    private static final ClassDesc KERNEL = ClassDesc.of("soma.numerics.batch.BatchProgram$Kernel");
    private static final ClassDesc MATH = ClassDesc.of("java.lang.Math");
    private static final ClassDesc D1 = CD_double.arrayType();
    private static final ClassDesc D2 = CD_double.arrayType(2);
    private static final MethodTypeDesc RUN = MethodTypeDesc.of(CD_void, D2, CD_int, SCRATCH, OP.arrayType());
    private static final MethodTypeDesc SEG = MethodTypeDesc.of(CD_void, D2, CD_int);
    private static final MethodTypeDesc OP_RUN = MethodTypeDesc.of(CD_void, D2, CD_int, SCRATCH);
    private static final MethodTypeDesc DD_D = MethodTypeDesc.of(CD_double, CD_double, CD_double);
    private static final MethodTypeDesc D_D = MethodTypeDesc.of(CD_double, CD_double);
    private static final AtomicLong COUNT = new AtomicLong();

    static long generated() {
        return COUNT.get();
    }

    /**
     * Kernels by the text of their program (operations, operands, constants, loops): a script that
     * simulates the same model again (a sweep, every iteration of an inference) reuses the code
     * C2 has already compiled instead of generating and warming up a new class.
     */
    private static final Map<String, BatchProgram.Kernel> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static BatchProgram.Kernel generate(BatchProgram.Op[] ops, int[] segment) {
        StringBuilder key = new StringBuilder();
        for (int k = 0; k < ops.length; k++) {
            BatchProgram.Op op = ops[k];
            key.append(segment[k]).append(':');
            switch (op) {
                case BatchProgram.Bin b -> key.append(b.kind);
                case BatchProgram.Un u -> key.append(u.kind);
                default -> key.append(op.getClass().getSimpleName());
            }
            for (BatchProgram.Ref r : op.inputs())
                key.append(
                                r.constant()
                                        ? "c" + Long.toHexString(Double.doubleToRawLongBits(r.value()))
                                        : "r" + r.slot())
                        .append(',');
            for (int o : op.out) key.append('>').append(o);
            key.append(';');
        }
        String text = key.toString();
        BatchProgram.Kernel known = CACHE.get(text);
        if (known != null) return known;
        if (CACHE.size() > 256) CACHE.clear();
        BatchProgram.Kernel made = define(ops, segment);
        CACHE.put(text, made);
        return made;
    }

    private static BatchProgram.Kernel define(BatchProgram.Op[] ops, int[] segment) {
        ClassDesc self = ClassDesc.of("soma.numerics.batch.BatchStep" + COUNT.incrementAndGet());
        Map<Integer, int[]> ranges = new LinkedHashMap<>();
        for (int k = 0; k < ops.length; k++) {
            if (segment[k] < 0) continue;
            int[] r = ranges.computeIfAbsent(segment[k], g -> new int[] {Integer.MAX_VALUE, 0});
            r[0] = Math.min(r[0], k);
            r[1] = Math.max(r[1], k + 1);
        }
        byte[] bytes = ClassFile.of().build(self, cb -> {
            cb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
            cb.withInterfaceSymbols(KERNEL);
            cb.withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC, code -> {
                code.aload(0);
                code.invokespecial(CD_Object, INIT_NAME, MTD_void);
                code.return_();
            });
            for (Map.Entry<Integer, int[]> e : ranges.entrySet()) {
                int[] r = e.getValue();
                cb.withMethodBody(
                        "loop" + e.getKey(),
                        SEG,
                        ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC,
                        code -> loop(code, ops, r[0], r[1]));
            }
            cb.withMethodBody("run", RUN, ClassFile.ACC_PUBLIC, code -> {
                for (int k = 0; k < ops.length; k++) {
                    if (segment[k] < 0) {
                        code.aload(4);
                        code.loadConstant(k);
                        code.aaload();
                        code.aload(1);
                        code.iload(2);
                        code.aload(3);
                        code.invokevirtual(OP, "run", OP_RUN);
                    } else if (ranges.get(segment[k])[0] == k) {
                        code.aload(1);
                        code.iload(2);
                        code.invokestatic(self, "loop" + segment[k], SEG);
                    }
                }
                code.return_();
            });
        });
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (BatchProgram.Kernel) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** for (i = 0; i < n; i++) { load the inputs; ops[from..to) into locals; store the results }. */
    private static void loop(CodeBuilder code, BatchProgram.Op[] ops, int from, int to) {
        // rows read before this loop writes them (loaded at the top), rows written (stored at the bottom)
        Set<Integer> loaded = new LinkedHashSet<>(), written = new LinkedHashSet<>();
        for (int k = from; k < to; k++) {
            for (BatchProgram.Ref r : ops[k].inputs())
                if (isRow(r) && !written.contains(r.slot())) loaded.add(r.slot());
            for (int o : ops[k].out) if (o < BatchProgram.LOCAL) written.add(o);
        }
        int next = 3; // 0: s, 1: n, 2: i
        Map<Integer, Integer> array = new HashMap<>();
        Set<Integer> rows = new LinkedHashSet<>(loaded);
        rows.addAll(written);
        for (int row : rows) {
            array.put(row, next);
            code.aload(0);
            code.loadConstant(row);
            code.aaload();
            code.astore(next++);
        }
        Map<Integer, Integer> current = new HashMap<>(); // row or local -> the double local holding its value
        List<Integer> loadedLocals = new ArrayList<>();
        for (int row : loaded) {
            loadedLocals.add(next);
            current.put(row, next);
            next += 2;
        }
        code.iconst_0();
        code.istore(2);
        Label top = code.newLabel(), end = code.newLabel();
        code.labelBinding(top);
        code.iload(2);
        code.iload(1);
        code.if_icmpge(end);
        int j = 0;
        for (int row : loaded) {
            code.aload(array.get(row));
            code.iload(2);
            code.daload();
            code.dstore(loadedLocals.get(j++));
        }
        for (int k = from; k < to; k++) {
            BatchProgram.Op op = ops[k];
            switch (op) {
                case BatchProgram.Bin b -> {
                    push(code, b.a, current);
                    push(code, b.b, current);
                    switch (b.fast) {
                        case ADD -> code.dadd();
                        case SUB -> code.dsub();
                        case MUL -> code.dmul();
                        case DIV -> code.ddiv();
                        case MIN -> code.invokestatic(MATH, "min", DD_D);
                        case MAX -> code.invokestatic(MATH, "max", DD_D);
                        default -> throw new IllegalStateException("not fusable: " + b.kind);
                    }
                }
                case BatchProgram.Un u -> {
                    push(code, u.a, current);
                    switch (u.kind) {
                        case NEG -> code.dneg();
                        case SQRT -> code.invokestatic(MATH, "sqrt", D_D);
                        case ABS -> code.invokestatic(MATH, "abs", D_D);
                        default -> throw new IllegalStateException("not fusable: " + u.kind);
                    }
                }
                default -> throw new IllegalStateException("not fusable: " + op);
            }
            int local = next;
            next += 2;
            code.dstore(local);
            current.put(op.out[0], local);
        }
        for (int row : written) {
            code.aload(array.get(row));
            code.iload(2);
            code.dload(current.get(row));
            code.dastore();
        }
        code.iinc(2, 1);
        code.goto_(top);
        code.labelBinding(end);
        code.return_();
    }

    private static boolean isRow(BatchProgram.Ref r) {
        return !r.constant() && r.slot() < BatchProgram.LOCAL;
    }

    private static void push(CodeBuilder code, BatchProgram.Ref r, Map<Integer, Integer> current) {
        if (r.constant()) {
            double v = r.value();
            if (Double.doubleToRawLongBits(v) == 0) code.dconst_0();
            else code.ldc(code.constantPool().doubleEntry(v));
        } else {
            Integer local = current.get(r.slot());
            if (local == null) throw new IllegalStateException("no value for operand " + r);
            code.dload(local);
        }
    }
}
