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
    private static final ClassDesc OP = ClassDesc.of("soma.numerics.batch.BatchOps$Op");
    private static final ClassDesc LOOP = ClassDesc.of("soma.numerics.batch.BatchOps$Loop");
    private static final ClassDesc MATH = ClassDesc.of("java.lang.Math");
    private static final ClassDesc D1 = CD_double.arrayType();
    private static final ClassDesc D2 = CD_double.arrayType(2);
    private static final MethodTypeDesc SEG = MethodTypeDesc.of(CD_void, D2, CD_int);
    private static final MethodTypeDesc DD_D = MethodTypeDesc.of(CD_double, CD_double, CD_double);
    private static final MethodTypeDesc D_D = MethodTypeDesc.of(CD_double, CD_double);
    private static final AtomicLong COUNT = new AtomicLong();

    /** Loops by the text of their operations (operands, constants): a script that simulates the same model again reuses them. */
    private static final Map<String, BatchOps.Loop> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The operations with every run of fusable ones (segment[k] >= 0, consecutive, the same number)
     * replaced by one operation running their generated loop. Each loop is a class of its own,
     * called through the program's one dispatch site, so C2 compiles each small loop on its own
     * (a method calling them all would grow too large to compile well).
     */
    static BatchOps.Op[] fuse(BatchOps.Op[] ops, int[] segment) {
        List<BatchOps.Op> out = new ArrayList<>();
        int k = 0;
        while (k < ops.length) {
            if (segment[k] < 0) {
                out.add(ops[k++]);
                continue;
            }
            int from = k;
            while (k < ops.length && segment[k] == segment[from]) k++;
            BatchOps.Op[] parts = java.util.Arrays.copyOfRange(ops, from, k);
            out.add(new BatchOps.Fused(loopFor(parts)));
        }
        return out.toArray(new BatchOps.Op[0]);
    }

    static long generated() {
        return COUNT.get();
    }

    private static BatchOps.Loop loopFor(BatchOps.Op[] ops) {
        StringBuilder key = new StringBuilder();
        for (BatchOps.Op op : ops) {
            switch (op) {
                case BatchOps.Bin b -> key.append(b.kind);
                case BatchOps.Un u -> key.append(u.kind);
                default -> key.append(op.getClass().getSimpleName());
            }
            for (BatchOps.Ref r : op.inputs())
                key.append(
                                r.constant()
                                        ? "c" + Long.toHexString(Double.doubleToRawLongBits(r.value()))
                                        : "r" + r.slot())
                        .append(',');
            for (int o : op.out) key.append('>').append(o);
            key.append(';');
        }
        String text = key.toString();
        BatchOps.Loop known = CACHE.get(text);
        if (known != null) return known;
        if (CACHE.size() > 4096) CACHE.clear();
        BatchOps.Loop made = define(ops);
        CACHE.put(text, made);
        return made;
    }

    private static BatchOps.Loop define(BatchOps.Op[] ops) {
        ClassDesc self = ClassDesc.of("soma.numerics.batch.BatchLoop" + COUNT.incrementAndGet());
        byte[] bytes = ClassFile.of().build(self, cb -> {
            cb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
            cb.withInterfaceSymbols(LOOP);
            cb.withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC, code -> {
                code.aload(0);
                code.invokespecial(CD_Object, INIT_NAME, MTD_void);
                code.return_();
            });
            cb.withMethodBody("run", SEG, ClassFile.ACC_PUBLIC, code -> loop(code, ops, 0, ops.length));
        });
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (BatchOps.Loop) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** for (i = 0; i < n; i++) { load the inputs; ops[from..to) into locals; store the results }. */
    private static void loop(CodeBuilder code, BatchOps.Op[] ops, int from, int to) {
        // rows read before this loop writes them (loaded at the top), rows written (stored at the bottom)
        Set<Integer> loaded = new LinkedHashSet<>(), written = new LinkedHashSet<>();
        for (int k = from; k < to; k++) {
            for (BatchOps.Ref r : ops[k].inputs()) if (isRow(r) && !written.contains(r.slot())) loaded.add(r.slot());
            for (int o : ops[k].out) if (o < BatchOps.LOCAL) written.add(o);
        }
        int next = 4; // 0: this, 1: s, 2: n, 3: i
        Map<Integer, Integer> array = new HashMap<>();
        Set<Integer> rows = new LinkedHashSet<>(loaded);
        rows.addAll(written);
        for (int row : rows) {
            array.put(row, next);
            code.aload(1);
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
        code.istore(3);
        Label top = code.newLabel(), end = code.newLabel();
        code.labelBinding(top);
        code.iload(3);
        code.iload(2);
        code.if_icmpge(end);
        int j = 0;
        for (int row : loaded) {
            code.aload(array.get(row));
            code.iload(3);
            code.daload();
            code.dstore(loadedLocals.get(j++));
        }
        for (int k = from; k < to; k++) {
            BatchOps.Op op = ops[k];
            switch (op) {
                case BatchOps.Bin b -> {
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
                case BatchOps.Un u -> {
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
            code.iload(3);
            code.dload(current.get(row));
            code.dastore();
        }
        code.iinc(3, 1);
        code.goto_(top);
        code.labelBinding(end);
        code.return_();
    }

    private static boolean isRow(BatchOps.Ref r) {
        return !r.constant() && r.slot() < BatchOps.LOCAL;
    }

    private static void push(CodeBuilder code, BatchOps.Ref r, Map<Integer, Integer> current) {
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
