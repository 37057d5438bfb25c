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
import soma.runtime.SomaFunction;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;

/** Output, conversion, inspection and program-level builtins. */
final class CoreBuiltins {
    private CoreBuiltins() {}

    static void register(Builtins r) {
        r.def("print(...values, sep = \" \", end = \"\\n\")", "print values separated by sep", a -> {
            SomaList values = a.list("values");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) sb.append(a.str("sep"));
                sb.append(Printer.show(values.get(i)));
            }
            PrintWriter out = a.context().out();
            out.print(sb.append(a.str("end").replace("\\n", "\n")));
            out.flush();
            return Nil.INSTANCE;
        });
        r.def("str(x)", "x as a string, as print shows it", a -> Printer.show(a.get("x")));
        r.def("repr(x)", "x as a string, strings quoted", a -> Printer.repr(a.get("x")));
        r.def("type(x)", "the type name of x", a -> Printer.typeName(a.get("x")));
        r.def("num(s)", "parse a number from a string", a -> {
            if (a.get("s") instanceof Double d) return d;
            try {
                return Double.parseDouble(a.str("s").trim());
            } catch (NumberFormatException e) {
                throw a.error("cannot read a number from \"" + a.str("s") + "\"");
            }
        });
        r.def(
                "fmt(x, digits = 4)",
                "a number with a fixed count of decimals, as a string",
                a -> String.format(Locale.ROOT, "%." + digits(a) + "f", a.num("x")));
        r.def(
                "sci(x, digits = 3)",
                "a number in scientific notation, as a string",
                a -> String.format(Locale.ROOT, "%." + digits(a) + "e", a.num("x")));
        r.def(
                "len(x)",
                "number of elements of a list, string, range or tensor (first axis)",
                a -> a.get("x") instanceof Range range ? range.length() : (double) Iteration.size(a.get("x")));
        r.def("range(a, b = nil, step = 1)", "range(n) is 0..n; range(a, b, step)", a -> {
            double start = a.given("b") ? a.num("a") : 0;
            double stop = a.given("b") ? a.num("b") : a.num("a");
            double step = a.num("step");
            if (step == 0) throw a.error("step cannot be zero");
            return new Range(start, stop, step);
        });
        r.def("assert(condition, message = \"assertion failed\")", "stop with an error unless condition is true", a -> {
            if (!a.bool("condition")) throw new SomaError(a.str("message"));
            return Nil.INSTANCE;
        });
        r.def("error(message)", "stop with an error", a -> {
            throw new SomaError(Printer.show(a.get("message")));
        });
        r.def("args()", "the program's command-line arguments", a -> {
            List<Object> items = new ArrayList<>(a.context().args());
            return new SomaList(items);
        });
        r.def("time()", "seconds since an arbitrary origin, for timing", a -> System.nanoTime() / 1e9);
        r.def(
                "keys(r)",
                "field names of a record",
                a -> new SomaList(new ArrayList<>(a.record("r").fields.keySet())));
        r.def(
                "values(r)",
                "field values of a record",
                a -> new SomaList(new ArrayList<>(a.record("r").fields.values())));
        r.def(
                "has(r, name)",
                "true if record r has field name",
                a -> a.record("r").has(a.str("name")));
        r.def("record(**fields)", "a record from named arguments", a -> {
            SomaRecord out = new SomaRecord();
            out.fields.putAll(a.record("fields").fields);
            return out;
        });
        r.def("help(f = nil)", "list the builtins, or describe one function", a -> {
            PrintWriter out = a.context().out();
            if (a.given("f")) {
                String name = a.get("f") instanceof SomaFunction f ? f.name() : Printer.show(a.get("f"));
                List<String> lines = Builtins.describe(name);
                if (lines.isEmpty() && a.get("f") instanceof SomaFunction f) lines = List.of(f.signature.toString());
                if (lines.isEmpty()) throw a.error("there is no builtin named '" + name + "' (help() lists them all)");
                for (String line : lines) out.println(line);
            } else {
                for (String line : Builtins.describe()) out.println(line);
            }
            out.flush();
            return Nil.INSTANCE;
        });
    }

    /** Decimals for fmt and sci: Java's formatter takes 0 and up; more than 100 is surely a mistake. */
    private static int digits(Args a) {
        int d = a.integer("digits");
        if (d < 0 || d > 100) throw a.error("digits must be between 0 and 100, got " + d);
        return d;
    }
}
