package soma.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;
import soma.SomaContext;
import soma.SomaLanguage;
import soma.display.Display;
import soma.runtime.HostValues;
import soma.runtime.Nil;
import soma.runtime.Printer;
import soma.runtime.SomaException;
import soma.tensor.MemoryBudget;

/**
 * A whole script, REPL entry or imported file. In the REPL ({@code echo}), the value of a final
 * expression statement is printed with its type.
 */
public final class ProgramRootNode extends RootNode {
    @Child
    private ExprNode body;

    private final SourceSection section;
    private final boolean echo;

    public ProgramRootNode(
            SomaLanguage language, FrameDescriptor frame, ExprNode body, SourceSection section, boolean echo) {
        super(language, frame);
        this.body = RootBody.mark(body, section);
        this.section = section;
        this.echo = echo;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object value;
        try {
            value = body.executeGeneric(frame);
        } catch (ControlExceptions.Return r) {
            value = r.value;
        } catch (OutOfMemoryError e) {
            // Outside any call (those are caught at their call site): located at the program.
            CompilerDirectives.transferToInterpreter();
            throw new SomaException(MemoryBudget.outOfMemory(null), this);
        }
        if (echo && value != Nil.INSTANCE) echo(value);
        return echo ? Nil.INSTANCE : HostValues.export(value); // the result goes to the host (context.eval)
    }

    @TruffleBoundary
    private void echo(Object value) {
        String shown = Printer.show(value);
        String type = Printer.echoType(value);
        String plain = shown.contains("\n") ? type + "\n" + shown : shown + "  : " + type;
        if (Display.value(value, plain)) return; // a notebook shows it as the cell's result
        var out = SomaContext.get(this).out();
        if (shown.contains("\n")) {
            out.println(type);
            out.println(shown);
        } else {
            out.println(shown + "  : " + type);
        }
    }

    @Override
    public String getName() {
        return "<main>";
    }

    @Override
    public SourceSection getSourceSection() {
        return section;
    }
}
