package soma.builtins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import soma.runtime.Iteration;
import soma.runtime.Op;
import soma.runtime.Operators;
import soma.runtime.Printer;
import soma.runtime.Range;
import soma.runtime.SomaError;
import soma.runtime.SomaFunction;
import soma.runtime.SomaList;
import soma.runtime.TensorHooks;
import soma.tensor.Sorting;
import soma.tensor.Tensor;

/** Lists and strings: building, transforming, folding. */
final class ListBuiltins {
    private ListBuiltins() {}

    static void register(Builtins r) {
        r.def("push(xs, x)", "append x to list xs (in place); returns xs", a -> {
            a.list("xs").add(a.get("x"));
            return a.list("xs");
        });
        r.def("pop(xs)", "remove and return the last element of xs", a -> {
            List<Object> items = a.list("xs").items;
            if (items.isEmpty()) throw a.error("pop from an empty list");
            return items.remove(items.size() - 1);
        });
        r.def("list(xs)", "a new list of the elements of a range, string, list or tensor", a -> {
            Object xs = a.get("xs");
            if (xs instanceof Range range) range.checkMaterialise("list");
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Iteration.size(xs); i++) out.add(Iteration.get(xs, i));
            return new SomaList(out);
        });
        r.def("map(xs, f)", "[f(x) for x in xs]", a -> {
            Object xs = a.get("xs");
            SomaFunction f = a.function("f");
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Iteration.size(xs); i++) out.add(a.call(f, Iteration.get(xs, i)));
            return new SomaList(out);
        });
        r.def("filter(xs, f)", "the elements x of xs with f(x) true", a -> {
            Object xs = a.get("xs");
            SomaFunction f = a.function("f");
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Iteration.size(xs); i++) {
                Object x = Iteration.get(xs, i);
                if (a.call(f, x) instanceof Boolean b && b) out.add(x);
            }
            return new SomaList(out);
        });
        r.def("reduce(xs, f, init)", "f(...f(f(init, x0), x1)..., xn)", a -> {
            Object xs = a.get("xs");
            Object acc = a.get("init");
            for (int i = 0; i < Iteration.size(xs); i++) acc = a.call(a.function("f"), acc, Iteration.get(xs, i));
            return acc;
        });
        r.def("sum(xs, axis = nil)", "sum of a list of numbers, or of a tensor (along axis)", a -> {
            if (TensorHooks.handles(a.get("xs"))) return TensorHooks.reduce("sum", a.get("xs"), a.get("axis"));
            Object acc = 0.0;
            Object xs = a.get("xs");
            for (int i = 0; i < Iteration.size(xs); i++) acc = Operators.binary(Op.ADD, acc, Iteration.get(xs, i));
            return acc;
        });
        r.def(
                "min(...xs, axis = nil)",
                "smallest of numbers, of a list, or of a tensor (along axis)",
                a -> extreme(a, "min"));
        r.def(
                "max(...xs, axis = nil)",
                "largest of numbers, of a list, or of a tensor (along axis)",
                a -> extreme(a, "max"));
        r.def(
                "sort(xs)",
                "a sorted copy of a list of numbers or strings, or of a vector (complex: by real, then imaginary part)",
                a -> {
                    if (TensorHooks.handles(a.get("xs"))) return Sorting.sort((Tensor) a.get("xs"));
                    List<Object> out = new ArrayList<>(a.list("xs").items);
                    try {
                        out.sort(
                                (x, y) -> (Boolean) Operators.binary(Op.LT, x, y) ? -1 : Operators.equal(x, y) ? 0 : 1);
                    } catch (ClassCastException e) {
                        throw a.error("can only sort numbers or strings");
                    }
                    return new SomaList(out);
                });
        r.def("reverse(xs)", "a reversed copy of a list", a -> {
            List<Object> out = new ArrayList<>(a.list("xs").items);
            Collections.reverse(out);
            return new SomaList(out);
        });
        r.def("zip(xs, ys)", "list of [x, y] pairs", a -> {
            Object xs = a.get("xs");
            Object ys = a.get("ys");
            int n = Math.min(Iteration.size(xs), Iteration.size(ys));
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < n; i++)
                out.add(new SomaList(new ArrayList<>(List.of(Iteration.get(xs, i), Iteration.get(ys, i)))));
            return new SomaList(out);
        });
        r.def("contains(xs, x)", "true if x is an element of list xs (or a substring of string xs)", a -> {
            if (a.get("xs") instanceof String s) return s.contains(a.str("x"));
            for (Object o : a.list("xs").items) if (Operators.equal(o, a.get("x"))) return true;
            return false;
        });
        r.def("join(xs, sep = \"\")", "the elements of xs as strings, joined by sep", a -> {
            StringBuilder sb = new StringBuilder();
            List<Object> items = a.list("xs").items;
            for (int i = 0; i < items.size(); i++)
                sb.append(i == 0 ? "" : a.str("sep")).append(Printer.show(items.get(i)));
            return sb.toString();
        });
        r.def("split(s, sep = \" \")", "a string cut at each sep", a -> {
            List<Object> out = new ArrayList<>();
            for (String p : a.str("s").split(Pattern.quote(a.str("sep")), -1)) out.add(p);
            return new SomaList(out);
        });
        r.def("upper(s)", "upper-case copy", a -> a.str("s").toUpperCase(Locale.ROOT));
        r.def("lower(s)", "lower-case copy", a -> a.str("s").toLowerCase(Locale.ROOT));
    }

    private static Object extreme(Args a, String which) {
        List<Object> xs = a.list("xs").items;
        if (xs.size() == 1 && TensorHooks.handles(xs.get(0)))
            return TensorHooks.reduce(which, xs.get(0), a.get("axis"));
        if (xs.size() == 2 && (TensorHooks.handles(xs.get(0)) || TensorHooks.handles(xs.get(1)))) {
            return TensorHooks.elementwise(which, xs.get(0), xs.get(1));
        }
        List<Object> items = xs.size() == 1 && xs.get(0) instanceof SomaList l ? l.items : xs;
        if (items.isEmpty()) throw a.error("needs at least one value");
        double best = Double.NaN;
        for (Object o : items) {
            if (!(o instanceof Double d))
                throw new SomaError(which + ": values must be numbers, got a " + Printer.typeName(o));
            if (Double.isNaN(best) || (which.equals("min") ? d < best : d > best)) best = d;
        }
        return best;
    }
}
