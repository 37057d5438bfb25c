package soma;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.Option;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.ProvidedTags;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.ExecutableNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;
import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;
import org.graalvm.options.OptionValues;
import soma.nodes.scope.GlobalsScope;
import soma.nodes.scope.InlineExpression;
import soma.nodes.scope.ValueView;
import soma.parser.Parsing;
import soma.tensor.Cancellation;
import soma.util.Interrupts;
import soma.util.StartupTrace;

/**
 * The Soma language. Parsing turns a source into one {@link soma.nodes.ProgramRootNode}; all
 * state that outlives a parse (globals, the random generator, imports) lives in the context.
 */
@TruffleLanguage.Registration(
        id = SomaLanguage.ID,
        name = "Soma",
        defaultMimeType = SomaLanguage.MIME,
        characterMimeTypes = {SomaLanguage.MIME, SomaLanguage.RUN_MIME},
        contextPolicy = TruffleLanguage.ContextPolicy.SHARED,
        fileTypeDetectors = {},
        website = "https://github.com/soma-lang")
@ProvidedTags({
    StandardTags.CallTag.class,
    StandardTags.StatementTag.class,
    StandardTags.RootTag.class,
    StandardTags.RootBodyTag.class,
    StandardTags.ExpressionTag.class
})
public final class SomaLanguage extends TruffleLanguage<SomaContext> {
    public static final String ID = "soma";
    public static final String VERSION = "0.1.0";
    public static final String MIME = "application/x-soma";
    /**
     * A script run for its effects (bin/soma FILE, -e): its value is not wanted. The polyglot API
     * wraps the value a context.eval returns in a Value, and for the first value of a class (Nil,
     * a record) Truffle builds some seventy call targets, a sixth of the start of {@code soma -e
     * 'print(1)'} (issue 20); sources of this type return a boolean instead, which needs none.
     */
    public static final String RUN_MIME = "application/x-soma-run";
    /** Sources whose name starts with this are REPL inputs: the value of a final expression is echoed. */
    public static final String REPL_SOURCE_PREFIX = "<repl";
    /** Notebook cells ("cell[3]") echo their last value too; errors then name the cell. */
    public static final String CELL_SOURCE_PREFIX = "cell[";

    @Option(
            help = "Seed of the random generator (same seed, same numbers).",
            category = OptionCategory.USER,
            stability = OptionStability.STABLE)
    public static final OptionKey<Long> Seed = new OptionKey<>(0L);

    @Option(
            help = "Folder holding stdlib/ (the Soma installation).",
            category = OptionCategory.USER,
            stability = OptionStability.STABLE)
    public static final OptionKey<String> Home = new OptionKey<>("");

    private static final LanguageReference<SomaLanguage> REFERENCE = LanguageReference.create(SomaLanguage.class);

    /**
     * Valid while this language instance has served only one context. Under the SHARED policy the
     * ASTs a parse produces run in every context of an engine, so nodes may cache one context's
     * state (a global's cell) only under this assumption, as SimpleLanguage does.
     */
    private final Assumption singleContext = Truffle.getRuntime().createAssumption("single Soma context");

    public static SomaLanguage get(Node node) {
        return REFERENCE.get(node);
    }

    @Override
    protected SomaContext createContext(Env env) {
        Cancellation.install(Interrupts::poll); // long numeric loops stop on Ctrl-C and cancellation
        return new SomaContext(this, env);
    }

    @Override
    protected void initializeMultipleContexts() {
        singleContext.invalidate();
    }

    /** True while only one context uses this language instance (constant in compiled code). */
    public boolean isSingleContext() {
        return singleContext.isValid();
    }

    /**
     * Batch simulations run compiled integrators on worker threads. Those threads only execute
     * model nodes over their own workspaces, never Soma code with shared state.
     */
    @Override
    protected boolean isThreadAccessAllowed(Thread thread, boolean singleThreaded) {
        return true;
    }

    @Override
    protected boolean areOptionsCompatible(OptionValues first, OptionValues second) {
        return true;
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new SomaLanguageOptionDescriptors();
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        Source source = request.getSource();
        boolean echo = source.getName() != null
                && (source.getName().startsWith(REPL_SOURCE_PREFIX)
                        || source.getName().startsWith(CELL_SOURCE_PREFIX));
        StartupTrace.mark("parse");
        CallTarget program = Parsing.parseProgram(this, source, echo).getCallTarget();
        StartupTrace.mark("parsed");
        return RUN_MIME.equals(source.getMimeType()) ? new RunForEffect(this, program).getCallTarget() : program;
    }

    /** Runs a program and returns true (see {@link #RUN_MIME}); internal, so no trace or debugger shows it. */
    private static final class RunForEffect extends RootNode {
        @Child
        private DirectCallNode program;

        RunForEffect(SomaLanguage language, CallTarget program) {
            super(language);
            this.program = DirectCallNode.create(program);
        }

        @Override
        public Object execute(VirtualFrame frame) {
            program.call(frame.getArguments());
            return true;
        }

        @Override
        public boolean isInternal() {
            return true;
        }

        @Override
        public String getName() {
            return "<run>";
        }
    }

    /** A debugger's watch or console expression, evaluated where the program is stopped. */
    @Override
    protected ExecutableNode parse(InlineParsingRequest request) {
        return InlineExpression.parse(this, request);
    }

    @Override
    protected Object getScope(SomaContext context) {
        return new GlobalsScope(context.globals());
    }

    /** How the debugger shows a value: Soma's printed form, lists as arrays, records by field. */
    @Override
    protected Object getLanguageView(SomaContext context, Object value) {
        return new ValueView(value);
    }
}
