package soma.dist;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import soma.epi.ConstraintValue;
import soma.epi.EpiResult;
import soma.epi.EpiWire;
import soma.flow.FlowJson;
import soma.flow.FlowValue;
import soma.runtime.Nil;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;
import soma.tensor.Tensor;
import soma.util.Carets;

/**
 * The form in which a task's result travels back: numbers, booleans, strings, nil, tensors, lists,
 * records, flows and EPI results (see {@link EpiWire}), or a Soma error already rendered as the
 * driver prints errors (file:line:col, the line, a caret). Doubles travel as their bits, so what
 * arrives is exactly what was computed.
 */
public final class Wire {
    private static final byte NIL = 0, BOOL = 1, NUMBER = 2, STRING = 3, TENSOR = 4, LIST = 5, RECORD = 6, FLOW = 7;
    private static final byte EPI = 8, LONG = 9, ERROR = 10;

    private Wire() {}

    /** A task's failure, carried as a value so that the engine does not retry a deterministic error. */
    public record Failure(String message) {}

    @TruffleBoundary
    public static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A failed task, as the message the driver raises (the builtin's task names the task in it). */
    @TruffleBoundary
    public static byte[] failure(Throwable e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(ERROR);
            writeText(out, located(e));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return bytes.toByteArray();
    }

    /**
     * The value, or a {@link Failure}; {@code property} finds the driver's own constraint of an EPI
     * result by name (or null).
     */
    @TruffleBoundary
    public static Object decode(byte[] data, Function<String, ConstraintValue> property) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            return read(in, property);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message of a task's error, located in the script when the error has a location. */
    public static String located(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof AbstractTruffleException t && t.getLocation() != null) {
            Node node = t.getLocation();
            SourceSection s = node.getEncapsulatingSourceSection();
            if (s != null && s.isAvailable()) {
                String file = s.getSource().getPath() != null
                        ? s.getSource().getPath()
                        : s.getSource().getName();
                String line = s.getSource().hasCharacters()
                                && s.getStartLine() <= s.getSource().getLineCount()
                        ? s.getSource().getCharacters(s.getStartLine()).toString()
                        : null;
                int width = s.getStartLine() == s.getEndLine() ? s.getCharLength() : Integer.MAX_VALUE;
                return Carets.render(file, s.getStartLine(), s.getStartColumn(), message, line, width);
            }
        }
        if (e instanceof SomaError || e instanceof AbstractTruffleException) return message;
        return "internal error: " + e;
    }

    private static void write(DataOutputStream out, Object v) throws IOException {
        switch (v) {
            case Nil n -> out.writeByte(NIL);
            case Boolean b -> {
                out.writeByte(BOOL);
                out.writeBoolean(b);
            }
            case Double d -> {
                out.writeByte(NUMBER);
                out.writeDouble(d);
            }
            case Long l -> {
                out.writeByte(LONG);
                out.writeLong(l);
            }
            case Integer i -> {
                out.writeByte(LONG);
                out.writeLong(i);
            }
            case String s -> {
                out.writeByte(STRING);
                writeText(out, s);
            }
            case Tensor t -> {
                out.writeByte(TENSOR);
                int[] shape = t.shape();
                out.writeInt(shape.length);
                for (int d : shape) out.writeInt(d);
                out.writeBoolean(t.isBool());
                out.writeBoolean(t.isComplex());
                doubles(out, t.realData());
                if (t.isComplex()) doubles(out, t.imagData());
            }
            case SomaList l -> {
                out.writeByte(LIST);
                out.writeInt(l.size());
                for (int i = 0; i < l.size(); i++) write(out, l.get(i));
            }
            case SomaRecord r -> {
                out.writeByte(RECORD);
                out.writeInt(r.fields.size());
                for (Map.Entry<String, Object> e : r.fields.entrySet()) {
                    writeText(out, e.getKey());
                    write(out, e.getValue());
                }
            }
            case FlowValue f -> {
                out.writeByte(FLOW);
                writeText(out, FlowJson.toJson(f.flow));
            }
            case EpiResult r -> {
                out.writeByte(EPI);
                writeText(out, EpiWire.encode(r));
            }
            default ->
                throw new SomaError(
                        "a " + Printer.typeName(v)
                                + " cannot be sent back from a task: return numbers, strings, tensors, lists, records, flows or epi results");
        }
    }

    private static Object read(DataInputStream in, Function<String, ConstraintValue> property) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NIL -> Nil.INSTANCE;
            case BOOL -> in.readBoolean();
            case NUMBER -> in.readDouble();
            case LONG -> in.readLong();
            case STRING -> readText(in);
            case TENSOR -> {
                int[] shape = new int[in.readInt()];
                for (int i = 0; i < shape.length; i++) shape[i] = in.readInt();
                boolean isBool = in.readBoolean();
                boolean complex = in.readBoolean();
                double[] re = readDoubles(in);
                double[] im = complex ? readDoubles(in) : null;
                yield new Tensor(shape, re, im, isBool);
            }
            case LIST -> {
                int n = in.readInt();
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) items.add(read(in, property));
                yield new SomaList(items);
            }
            case RECORD -> {
                int n = in.readInt();
                SomaRecord r = new SomaRecord();
                for (int i = 0; i < n; i++) {
                    String name = readText(in);
                    r.put(name, read(in, property));
                }
                yield r;
            }
            case FLOW -> new FlowValue(FlowJson.fromJson(readText(in), "an ensemble result"));
            case EPI -> EpiWire.decode(readText(in), property);
            case ERROR -> new Failure(readText(in));
            default -> throw new IOException("not a Soma task result (tag " + tag + ")");
        };
    }

    /** Strings longer than writeUTF's 64 KB (flow JSON) travel as length-prefixed UTF-8. */
    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void doubles(DataOutputStream out, double[] d) throws IOException {
        out.writeInt(d.length);
        for (double x : d) out.writeDouble(x);
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] d = new double[in.readInt()];
        for (int i = 0; i < d.length; i++) d[i] = in.readDouble();
        return d;
    }
}
