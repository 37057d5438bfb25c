package soma.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * numpy-style {@code str()} of a tensor: nested brackets, one shared column format, lines wrapped
 * at 75 characters, and tensors of more than 1000 elements summarised with "..." (first and
 * last 3 entries of every axis). This is a port of numpy's _formatArray for the default options,
 * so the output matches numpy except that booleans print as true/false (Soma's literals) and
 * rank-0 tensors print like Soma/Python scalars ("2.5", "(1+2j)", "true").
 */
public final class TensorFormat {
    private TensorFormat() {}

    static final int LINE_WIDTH = 75;
    static final int THRESHOLD = 1000;
    static final int EDGE = 3;

    public static String format(Tensor t) {
        if (t.rank() == 0) return scalar(t);
        if (t.size() == 0) return "[]";
        boolean summarize = t.size() > THRESHOLD;
        int[] strides = Shape.strides(t.shape);
        int[] shown = shownOffsets(t.shape, strides, summarize);
        IntFunction<String> element = elementFormatter(t, shown);
        return new Printer(t.shape, strides, summarize, element).render(0, 0, " ", LINE_WIDTH);
    }

    /** Python-style scalar text, used for rank-0 tensors and by the interpreter for numbers. */
    public static String scalar(Tensor t) {
        if (t.isBool) return t.re[0] != 0 ? "true" : "false";
        if (t.im != null) return FloatFormat.pyComplexRepr(t.re[0], t.im[0]);
        return FloatFormat.pyRepr(t.re[0]);
    }

    public static String formatDouble(double v) {
        return FloatFormat.pyRepr(v);
    }

    /** One column format chosen from the displayed values only, as numpy does. */
    private static IntFunction<String> elementFormatter(Tensor t, int[] shown) {
        if (t.isBool) {
            boolean anyFalse = false;
            for (int o : shown) anyFalse |= t.re[o] == 0;
            int width = anyFalse ? 5 : 4;
            return o -> {
                String s = t.re[o] != 0 ? "true" : "false";
                return " ".repeat(width - s.length()) + s;
            };
        }
        FloatFormat real = new FloatFormat(gather(t.re, shown), false);
        if (t.im == null) return o -> real.format(t.re[o]);
        FloatFormat imag = new FloatFormat(gather(t.im, shown), true);
        return o -> {
            String r = real.format(t.re[o]);
            String i = imag.format(t.im[o]);
            int end = i.stripTrailing().length(); // 'j' goes before the padding, as numpy
            return r + i.substring(0, end) + "j" + i.substring(end);
        };
    }

    private static double[] gather(double[] d, int[] offsets) {
        double[] out = new double[offsets.length];
        for (int i = 0; i < offsets.length; i++) out[i] = d[offsets[i]];
        return out;
    }

    /** Flat offsets of the elements that will actually be printed. */
    private static int[] shownOffsets(int[] shape, int[] strides, boolean summarize) {
        List<Integer> acc = new ArrayList<>();
        collect(shape, strides, summarize, 0, 0, acc);
        return acc.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void collect(int[] shape, int[] strides, boolean summarize, int axis, int off, List<Integer> acc) {
        if (axis == shape.length) {
            acc.add(off);
            return;
        }
        int n = shape[axis];
        for (int i = 0; i < n; i++) {
            if (summarize && n > 2 * EDGE && i == EDGE) i = n - EDGE;
            collect(shape, strides, summarize, axis + 1, off + i * strides[axis], acc);
        }
    }

    /** numpy's recursive _formatArray with separator ' ' and the non-legacy wrapping rules. */
    private record Printer(int[] shape, int[] strides, boolean summarize, IntFunction<String> element) {
        /** The text of the sub-array at flat offset {@code off} starting at {@code axis}. */
        String render(int off, int axis, String hang, int width) {
            if (axis == shape.length) return element.apply(off);
            String nextHang = hang + " ";
            int nextWidth = width - 1; // room for the closing ']'
            int len = shape[axis];
            boolean summary = summarize && 2 * EDGE < len;
            int lead = summary ? EDGE : 0, trail = summary ? EDGE : len;
            int st = strides[axis];
            StringBuilder s = new StringBuilder();
            if (axis == shape.length - 1) {
                int elemWidth = width - 1;
                StringBuilder line = new StringBuilder(hang);
                for (int i = 0; i < lead; i++) {
                    extend(s, line, render(off + i * st, axis + 1, nextHang, nextWidth), elemWidth, hang);
                    line.append(' ');
                }
                if (summary) {
                    extend(s, line, "...", elemWidth, hang);
                    line.append(' ');
                }
                for (int i = trail; i > 1; i--) {
                    extend(s, line, render(off + (len - i) * st, axis + 1, nextHang, nextWidth), elemWidth, hang);
                    line.append(' ');
                }
                extend(s, line, render(off + (len - 1) * st, axis + 1, nextHang, nextWidth), elemWidth, hang);
                s.append(line);
            } else {
                String lineSep = "\n".repeat(shape.length - axis - 1);
                for (int i = 0; i < lead; i++) {
                    s.append(hang)
                            .append(render(off + i * st, axis + 1, nextHang, nextWidth))
                            .append(lineSep);
                }
                if (summary) s.append(hang).append("...").append(lineSep);
                for (int i = trail; i > 1; i--) {
                    s.append(hang)
                            .append(render(off + (len - i) * st, axis + 1, nextHang, nextWidth))
                            .append(lineSep);
                }
                s.append(hang).append(render(off + (len - 1) * st, axis + 1, nextHang, nextWidth));
            }
            return "[" + s.substring(hang.length()) + "]";
        }

        /** numpy _extendLine: wrap before a word that would pass the width, unless the line is empty. */
        private static void extend(StringBuilder s, StringBuilder line, String word, int width, String hang) {
            boolean wrap = line.length() + word.length() > width && line.length() > hang.length();
            if (wrap) {
                s.append(line.toString().stripTrailing()).append('\n');
                line.setLength(0);
                line.append(hang);
            }
            line.append(word);
        }
    }
}
