package soma.numerics.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The warm-up program runs, stays finite, and uses every operation the lowering can emit. */
class BatchWarmupTest {
    @Test
    void runsAndStaysFinite() {
        assertTrue(BatchWarmup.run(200, 0), "the warm-up program's states are bounded (tanh, sigmoid)");
    }

    @Test
    void coversEveryOperationClassAndFunction() {
        BatchProgram program = BatchWarmup.program();
        Set<Class<?>> used = new HashSet<>();
        Set<BatchOps.U> kinds = EnumSet.noneOf(BatchOps.U.class);
        Set<BatchOps.B> binaries = EnumSet.noneOf(BatchOps.B.class);
        for (BatchOps.Op op : program.ops) {
            used.add(op.getClass());
            if (op instanceof BatchOps.Un u) kinds.add(u.kind);
            if (op instanceof BatchOps.Bin b) binaries.add(b.fast);
        }
        Set<Class<?>> all = new HashSet<>();
        for (Class<?> c : BatchOps.class.getDeclaredClasses())
            if (BatchOps.Op.class.isAssignableFrom(c)
                    && !Modifier.isAbstract(c.getModifiers())
                    && c != BatchOps.Fused.class) // generated per program: nothing to warm ahead
            all.add(c);
        all.removeAll(used);
        assertEquals(Set.of(), all, "operation classes the warm-up program does not run");
        assertEquals(EnumSet.allOf(BatchOps.U.class), kinds, "unary functions");
        assertEquals(EnumSet.allOf(BatchOps.B.class), binaries, "binary operators");
    }
}
