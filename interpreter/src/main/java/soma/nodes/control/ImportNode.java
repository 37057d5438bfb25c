package soma.nodes.control;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.source.Source;
import java.io.IOException;
import soma.SomaContext;
import soma.SomaLanguage;
import soma.nodes.ExprNode;
import soma.runtime.Nil;
import soma.runtime.SomaException;

/**
 * {@code import NAME}: runs {@code stdlib/NAME.soma}, else {@code NAME.soma} beside the importing
 * script, once per session; its top-level definitions become globals.
 */
public final class ImportNode extends ExprNode {
    private final String name;

    public ImportNode(String name) {
        this.name = name;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        run();
        return Nil.INSTANCE;
    }

    @TruffleBoundary
    private void run() {
        SomaContext context = SomaContext.get(this);
        TruffleFile file = find(context);
        if (file == null) {
            throw new SomaException("cannot find module '" + name + "' (looked for stdlib/" + name + ".soma and "
                    + name + ".soma beside this script)", this);
        }
        String key;
        try {
            key = file.getCanonicalFile().getPath();
        } catch (IOException e) {
            key = file.getPath();
        }
        if (!context.markImported(key)) return;
        try {
            Source source = Source.newBuilder(SomaLanguage.ID, file).build();
            context.env().parsePublic(source).call();
        } catch (IOException e) {
            throw new SomaException("cannot read module '" + name + "': " + e.getMessage(), this);
        }
    }

    private TruffleFile find(SomaContext context) {
        TruffleFile std = context.env().getPublicTruffleFile(context.home().resolve("stdlib").resolve(name + ".soma").toString());
        if (std.exists()) return std;
        Source here = getRootNode().getSourceSection() == null ? null : getRootNode().getSourceSection().getSource();
        if (here != null && here.getPath() != null) {
            TruffleFile dir = context.env().getPublicTruffleFile(here.getPath()).getParent();
            if (dir != null) {
                TruffleFile local = dir.resolve(name + ".soma");
                if (local.exists()) return local;
            }
        }
        TruffleFile cwd = context.env().getPublicTruffleFile(name + ".soma");
        return cwd.exists() ? cwd : null;
    }
}
