package soma.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import soma.runtime.HasFields;
import soma.runtime.Printer;
import soma.runtime.SomaRecord;
import soma.tensor.Tensor;

/**
 * The HTML form of an echoed value in a notebook: vectors and matrices as tables, summarised the
 * way the REPL prints them (more than 1000 elements: the first and last 3 of each axis); records
 * and results with fields (EPI, simulations) as a two-column table of field and a one-line summary;
 * anything else as its REPL text.
 */
public final class ValueHtml {
    private static final int THRESHOLD = 1000; // as soma.tensor.TensorFormat, so table and text agree
    private static final int EDGE = 3;
    private static final int SUMMARY_CHARS = 80;

    private ValueHtml() {}

    public static String render(Object value, String plain) {
        if (value instanceof Tensor t && t.rank() >= 1 && t.rank() <= 2 && t.size() > 0) return table(t);
        if (value instanceof SomaRecord r)
            return fields(Printer.typeName(r), new ArrayList<>(r.fields.keySet()), r::get);
        if (value instanceof HasFields h && !(value instanceof Tensor)) {
            return fields(Printer.typeName(value), h.fieldNames(), h::field);
        }
        return "<pre>" + escape(plain) + "</pre>";
    }

    private static String table(Tensor t) {
        int rows = t.rank() == 1 ? 1 : t.shape()[0];
        int cols = t.shape()[t.rank() - 1];
        boolean summarize = t.size() > THRESHOLD;
        StringBuilder sb = new StringBuilder("<table class=\"soma-tensor\">\n");
        sb.append("<caption>tensor ").append(escape(t.shapeString())).append("</caption>\n");
        for (int i : shown(rows, summarize)) {
            sb.append("<tr>");
            for (int j : shown(cols, summarize)) {
                String cell = i < 0 || j < 0 ? "&hellip;" : escape(element(t, i * cols + j));
                sb.append("<td>").append(cell).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>").toString();
    }

    /** Indices along an axis of length n, with -1 marking the elided middle. */
    private static List<Integer> shown(int n, boolean summarize) {
        List<Integer> out = new ArrayList<>();
        if (!summarize || n <= 2 * EDGE) {
            for (int i = 0; i < n; i++) out.add(i);
            return out;
        }
        for (int i = 0; i < EDGE; i++) out.add(i);
        out.add(-1);
        for (int i = n - EDGE; i < n; i++) out.add(i);
        return out;
    }

    private static String element(Tensor t, int flat) {
        if (t.isBool()) return t.get(flat) != 0 ? "true" : "false";
        String re = compact(t.get(flat));
        if (!t.isComplex()) return re;
        double im = t.getImag(flat);
        return re + (im < 0 || Double.isNaN(im) ? "" : "+") + compact(im) + "j";
    }

    /** Six significant digits: a table is for reading, the text form keeps every digit. */
    private static String compact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Printer.number(v);
        if (Double.isNaN(v) || Double.isInfinite(v)) return Printer.number(v);
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) return s.replaceAll("\\.?0+e", "e");
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }

    private interface Field {
        Object get(String name);
    }

    private static String fields(String type, List<String> names, Field field) {
        StringBuilder sb = new StringBuilder("<table class=\"soma-record\">\n");
        sb.append("<caption>").append(escape(type)).append("</caption>\n");
        for (String name : names) {
            Object v;
            try {
                v = field.get(name);
            } catch (RuntimeException e) {
                continue; // a field that cannot be read now (e.g. a method needing arguments) is left out
            }
            if (v == null) continue;
            String summary = oneLine(v);
            sb.append("<tr><th style=\"text-align:left\">")
                    .append(escape(name))
                    .append("</th><td style=\"text-align:left\">")
                    .append(escape(summary))
                    .append("</td></tr>\n");
        }
        return sb.append("</table>").toString();
    }

    private static String oneLine(Object v) {
        if (v instanceof Tensor t && t.rank() > 0) return "tensor " + t.shapeString();
        String s = Printer.repr(v).replaceAll("\\s*\n\\s*", " ");
        return s.length() <= SUMMARY_CHARS ? s : s.substring(0, SUMMARY_CHARS - 3) + "...";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
