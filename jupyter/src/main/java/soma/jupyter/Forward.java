package soma.jupyter;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * An output stream that writes to whatever {@link System#out} or {@link System#err} is at the
 * moment: the protocol library points them at the running cell's streams during an execution,
 * while the Soma context is created once with fixed streams.
 */
final class Forward extends OutputStream {
    private final Supplier<PrintStream> target;

    Forward(Supplier<PrintStream> target) {
        this.target = target;
    }

    @Override
    public void write(int b) {
        target.get().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        target.get().write(b, off, len);
    }

    @Override
    public void flush() {
        target.get().flush();
    }
}
