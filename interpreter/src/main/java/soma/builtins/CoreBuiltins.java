package soma.builtins;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import soma.runtime.Iteration;
import soma.runtime.Nil;
import soma.runtime.Printer;
import soma.runtime.Range;
import soma.runtime.SomaError;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;

/** Output, conversion, inspection and program-level builtins. */
final class CoreBuiltins {
    private CoreBuiltins() {}

    static void register(Builtins r) {
        r.def("print(...values, sep = \" \", end = \"\\n\")", "print values separated by sep", a -> {
            SomaList values = a.list(0);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) sb.append(a.str(1));
                sb.append(Printer.show(values.get(i)));
            }
            PrintWriter out = a.context().out();
            out.print(sb.append(a.str(2).replace("\\n", "\n")));
            out.flush();
            return Nil.INSTANCE;
        });
        r.def("str(x)", "x as a string, as print shows it", a -> Printer.show(a.get(0)));
        r.def("repr(x)", "x as a string, strings quoted", a -> Printer.repr(a.get(0)));
        r.def("type(x)", "the type name of x", a -> Printer.typeName(a.get(0)));
        r.def("num(s)", "parse a number from a string", a -> {
            if (a.get(0) instanceof Double d) return d;
            try {
                return Double.parseDouble(a.str(0).trim());
            } catch (NumberFormatException e) {
                throw a.error("cannot read a number from \"" + a.str(0) + "\"");
            }
        });
        r.def("fmt(x, digits = 4)", "a number with a fixed count of decimals, as a string", a ->
                String.format(Locale.ROOT, "%." + a.integer(1) + "f", a.num(0)));
        r.def("sci(x, digits = 3)", "a number in scientific notation, as a string", a ->
                String.format(Locale.ROOT, "%." + a.integer(1) + "e", a.num(0)));
        r.def("len(x)", "number of elements of a list, string, range or tensor (first axis)", a -> (double) Iteration.size(a.get(0)));
        r.def("range(a, b = nil, step = 1)", "range(n) is 0..n; range(a, b, step)", a -> {
            double start = a.given(1) ? a.num(0) : 0;
            double stop = a.given(1) ? a.num(1) : a.num(0);
            double step = a.num(2);
            if (step == 0) throw a.error("step cannot be zero");
            return new Range(start, stop, step);
        });
        r.def("assert(condition, message = \"assertion failed\")", "stop with an error unless condition is true", a -> {
            if (!a.bool(0)) throw new SomaError(a.str(1));
            return Nil.INSTANCE;
        });
        r.def("error(message)", "stop with an error", a -> {
            throw new SomaError(Printer.show(a.get(0)));
        });
        r.def("args()", "the program's command-line arguments", a -> {
            List<Object> items = new ArrayList<>(a.context().args());
            return new SomaList(items);
        });
        r.def("time()", "seconds since an arbitrary origin, for timing", a -> System.nanoTime() / 1e9);
        r.def("keys(r)", "field names of a record", a -> new SomaList(new ArrayList<>(a.record(0).fields.keySet())));
        r.def("values(r)", "field values of a record", a -> new SomaList(new ArrayList<>(a.record(0).fields.values())));
        r.def("has(r, name)", "true if record r has field name", a -> a.record(0).has(a.str(1)));
        r.def("record(**fields)", "a record from named arguments", a -> {
            SomaRecord out = new SomaRecord();
            out.fields.putAll(a.record(0).fields);
            return out;
        });
        r.def("help(f = nil)", "list the builtins, or describe one function", a -> {
            PrintWriter out = a.context().out();
            if (a.given(0)) {
                String name = a.get(0) instanceof soma.runtime.SomaFunction f ? f.name() : Printer.show(a.get(0));
                for (String line : Builtins.describe()) if (line.startsWith(name + "(")) out.println(line);
            } else {
                for (String line : Builtins.describe()) out.println(line);
            }
            out.flush();
            return Nil.INSTANCE;
        });
    }
}
