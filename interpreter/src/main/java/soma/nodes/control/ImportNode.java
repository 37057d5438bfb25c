package soma.nodes.control;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.source.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import soma.SomaContext;
import soma.SomaLanguage;
import soma.nodes.ExprNode;
import soma.nodes.ProgramRootNode;
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
            throw new SomaException(
                    "cannot find module '" + name + "' (looked for stdlib/" + name + ".soma and " + name
                            + ".soma beside this script)",
                    this);
        }
        String key;
        try {
            key = file.getCanonicalFile().getPath();
        } catch (IOException e) {
            key = file.getPath();
        }
        List<String> chain = running(context);
        int cycle = chain.indexOf(key);
        if (cycle >= 0) {
            // Running it again would define everything twice (or forever); Soma modules form a tree.
            List<String> names = new ArrayList<>();
            for (int i = cycle; i >= 0; i--) names.add(moduleName(chain.get(i)));
            names.add(name);
            throw new SomaException(
                    cycle == 0
                            ? "module '" + name + "' imports itself"
                            : "import cycle: " + String.join(" imports ", names),
                    this);
        }
        if (!context.markImported(key)) return;
        try {
            Source source = Source.newBuilder(SomaLanguage.ID, file).build();
            context.env().parsePublic(source).call();
        } catch (IOException e) {
            throw new SomaException("cannot read module '" + name + "': " + e.getMessage(), this);
        }
    }

    /** Canonical paths of the scripts and modules now running, innermost first. */
    private static List<String> running(SomaContext context) {
        List<String> files = new ArrayList<>();
        Truffle.getRuntime().iterateFrames(f -> {
            if (f.getCallTarget() instanceof RootCallTarget t
                    && t.getRootNode() instanceof ProgramRootNode p
                    && p.getSourceSection() != null
                    && p.getSourceSection().getSource().getPath() != null) {
                TruffleFile file = context.env()
                        .getPublicTruffleFile(p.getSourceSection().getSource().getPath());
                try {
                    files.add(file.getCanonicalFile().getPath());
                } catch (IOException e) {
                    files.add(file.getPath());
                }
            }
            return null;
        });
        return files;
    }

    private static String moduleName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.endsWith(".soma") ? file.substring(0, file.length() - ".soma".length()) : file;
    }

    private TruffleFile find(SomaContext context) {
        TruffleFile std = context.env()
                .getPublicTruffleFile(
                        context.home().resolve("stdlib").resolve(name + ".soma").toString());
        if (std.exists()) return std;
        Source here = getRootNode().getSourceSection() == null
                ? null
                : getRootNode().getSourceSection().getSource();
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
