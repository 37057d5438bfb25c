package soma.builtins;

import java.util.ArrayList;
import java.util.List;
import soma.runtime.Printer;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;
import soma.tensor.Csv;

/** Tensors to and from CSV files (one row per line; an optional header line of column names). */
final class DataBuiltins {
    private DataBuiltins() {}

    static void register(Builtins r) {
        r.def("save_csv(path, x, header = nil)", "write a 1-D or 2-D tensor (or a trajectory: t and its variables) as CSV, with optional column names", a -> {
            if (a.get(1) instanceof soma.numerics.Trajectory run) {
                List<String> names = new ArrayList<>();
                soma.tensor.Tensor table = run.table(names);
                OutputFiles.saveCsv(a, a.str(0), table, names);
                return a.str(0);
            }
            List<String> header = null;
            if (a.given(2)) {
                header = new ArrayList<>();
                for (Object o : a.list(2).items) header.add(Printer.show(o));
            }
            OutputFiles.saveCsv(a, a.str(0), TensorBuiltins.tensor(a, 1), header);
            return a.str(0);
        });
        r.def("load_csv(path)", "a CSV file as a tensor (a header line, if any, is skipped; see load_table)", a ->
                OutputFiles.loadCsv(a, a.str(0)).data());
        r.def("load_table(path)", "a CSV file as a record {header, data}", a -> {
            Csv.Table table = OutputFiles.loadCsv(a, a.str(0));
            SomaRecord out = new SomaRecord();
            List<Object> names = new ArrayList<>();
            if (table.header() != null) names.addAll(table.header());
            out.put("header", new SomaList(names));
            out.put("data", table.data());
            return out;
        });
    }

}
