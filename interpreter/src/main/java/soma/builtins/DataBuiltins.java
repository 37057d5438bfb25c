package soma.builtins;

import java.util.ArrayList;
import java.util.List;
import soma.numerics.Trajectory;
import soma.runtime.Printer;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;
import soma.tensor.Csv;
import soma.tensor.Tensor;

/** Tensors to and from CSV files (one row per line; an optional header line of column names). */
final class DataBuiltins {
    private DataBuiltins() {}

    static void register(Builtins r) {
        r.def(
                "save_csv(path, x, header = nil)",
                "write a 1-D or 2-D tensor (or a trajectory: t and its variables) as CSV, with optional column names",
                a -> {
                    if (a.get("x") instanceof Trajectory run) {
                        List<String> names = new ArrayList<>();
                        Tensor table = run.table(names);
                        OutputFiles.saveCsv(a, a.str("path"), table, names);
                        return a.str("path");
                    }
                    List<String> header = null;
                    if (a.given("header")) {
                        header = new ArrayList<>();
                        for (Object o : a.list("header").items) header.add(Printer.show(o));
                    }
                    OutputFiles.saveCsv(a, a.str("path"), TensorBuiltins.tensor(a, "x"), header);
                    return a.str("path");
                });
        r.def(
                "load_csv(path)",
                "a CSV file as a tensor (a header line, if any, is skipped; see load_table)",
                a -> OutputFiles.loadCsv(a, a.str("path")).data());
        r.def("load_table(path)", "a CSV file as a record {header, data}", a -> {
            Csv.Table table = OutputFiles.loadCsv(a, a.str("path"));
            SomaRecord out = new SomaRecord();
            List<Object> names = new ArrayList<>();
            if (table.header() != null) names.addAll(table.header());
            out.put("header", new SomaList(names));
            out.put("data", table.data());
            return out;
        });
    }
}
