package soma.builtins;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import soma.SomaContext;
import soma.dist.Distribution;
import soma.dist.Wire;
import soma.epi.ConstraintValue;
import soma.random.Rng;
import soma.runtime.Cell;
import soma.runtime.Iteration;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaFunction;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;

/**
 * ensemble(): independent runs of one function over a list of settings, each run one task, in
 * this process or on a cluster (bin/soma --master). Each task's generator is seeded from one draw
 * of the session's generator and the task's index, so the results never depend on where or how
 * often a task ran.
 */
final class EnsembleBuiltins {
    private EnsembleBuiltins() {}

    static void register(Builtins r) {
        r.defRandom(
                "ensemble(f, over, checkpoint = nil)",
                "calls f once per setting, with the setting's values as named arguments: over: {c0: [1, 100], seed: 1..4} "
                        + "(every combination, the first name varying slowest) or a list of records; each call is one task "
                        + "(on a cluster with bin/soma --master URL); returns a list of records, each setting's values and its "
                        + "result; checkpoint: a folder (absolute path) every worker can write, where each task's epi runs checkpoint and resume",
                EnsembleBuiltins::ensemble);
    }

    private static Object ensemble(Args a) {
        SomaFunction f = a.function("f");
        List<SomaRecord> settings = settings(a, a.get("over"));
        String folder = a.strOrNull("checkpoint");
        SomaContext context = a.context();
        long base = context.rng().nextLong(); // one draw: the session goes on as wherever the tasks ran
        Distribution dist = context.dist();
        List<byte[]> results = dist.run("ensemble", settings.size(), i -> {
            SomaRecord setting = settings.get(i);
            Rng rng = context.rng();
            long[] saved = rng.snapshot();
            rng.seed(taskSeed(base, i));
            try {
                String prefix = folder == null ? null : folder + "/task-" + i;
                return Wire.encode(dist.withTaskCheckpoint(prefix, () -> call(f, setting)));
            } catch (SomaError | AbstractTruffleException e) {
                throw new SomaError("in ensemble task " + (i + 1) + " (" + describe(setting) + "): " + Wire.located(e));
            } finally {
                rng.restore(saved);
            }
        });
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Object v = Wire.decode(results.get(i), name -> constraint(context, name));
            if (v instanceof Wire.Failure failure) throw a.error(failure.message());
            SomaRecord row = new SomaRecord();
            for (Map.Entry<String, Object> e : settings.get(i).fields.entrySet()) row.put(e.getKey(), e.getValue());
            row.put("result", v);
            out.add(row);
        }
        return new SomaList(out);
    }

    /** Task i's seed: splitmix64's finaliser over the call's draw and the index (never the worker or the attempt). */
    static long taskSeed(long base, int i) {
        long z = base + (i + 1) * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static Object call(SomaFunction f, SomaRecord setting) {
        String[] names = setting.fields.keySet().toArray(String[]::new);
        Object[] values = setting.fields.values().toArray();
        return f.callTarget.call(f.signature.bind(f.closure, values, names));
    }

    /** The settings: every combination of a record of value lists, or a list of records as given. */
    private static List<SomaRecord> settings(Args a, Object over) {
        List<SomaRecord> out = new ArrayList<>();
        if (over instanceof SomaList list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof SomaRecord r))
                    throw a.error("over: a list of settings holds records ({c0: 1, seed: 2}), item " + (i + 1)
                            + " is a " + Printer.typeName(list.get(i)));
                out.add(r);
            }
        } else if (over instanceof SomaRecord grid) {
            out.add(new SomaRecord());
            for (Map.Entry<String, Object> axis : grid.fields.entrySet()) {
                Object values = axis.getValue();
                if (!Iteration.isIterable(values) || values instanceof String)
                    throw a.error("over." + axis.getKey() + " must be a list or range of values, got "
                            + Printer.typeName(values));
                int n = Iteration.size(values);
                if (n == 0) throw a.error("over." + axis.getKey() + " has no values");
                List<SomaRecord> next = new ArrayList<>();
                for (SomaRecord partial : out) {
                    for (int j = 0; j < n; j++) {
                        SomaRecord r = new SomaRecord();
                        r.fields.putAll(partial.fields);
                        r.put(axis.getKey(), Iteration.get(values, j));
                        next.add(r);
                    }
                }
                out = next;
            }
        } else {
            throw a.error("over: a record of value lists ({c0: [1, 100], seed: 1..4}) or a list of records, got a "
                    + Printer.typeName(over));
        }
        if (out.isEmpty() || out.get(0).fields.isEmpty()) throw a.error("over: no settings to run");
        return out;
    }

    private static String describe(SomaRecord setting) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : setting.fields.entrySet())
            parts.add(e.getKey() + " = " + Printer.show(e.getValue()));
        return String.join(", ", parts);
    }

    /** The script's own constraint of that name, so an EPI result that came back keeps its property. */
    private static ConstraintValue constraint(SomaContext context, String name) {
        Cell cell = context.globals().lookup(name);
        return cell != null && cell.value instanceof ConstraintValue c ? c : null;
    }
}
