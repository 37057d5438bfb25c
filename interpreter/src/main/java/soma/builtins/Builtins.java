package soma.builtins;

import com.oracle.truffle.api.nodes.RootNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import soma.SomaLanguage;
import soma.runtime.GlobalScope;
import soma.runtime.Signature;
import soma.runtime.SomaFunction;

/** The one place where every builtin is registered (one group per file), and installed as globals. */
public final class Builtins {
    private final Map<String, Builtin> builtins = new LinkedHashMap<>();
    private final Map<String, DoubleUnaryOperator> math = new LinkedHashMap<>();
    private final Map<String, String> mathHelp = new LinkedHashMap<>();
    private final Map<String, Object> constants = new LinkedHashMap<>();
    /** Methods of value kinds ("flow.sample"), reached as fields: q.sample(100). */
    private final Map<String, Builtin> methods = new LinkedHashMap<>();
    /** Builtins that are not stateless (see {@link #defRandom}). */
    private final Set<String> notStateless = new LinkedHashSet<>();
    /** The builtins and methods each group file registered, by the file's class name. */
    private final Map<String, List<Builtin>> groups = new LinkedHashMap<>();

    private static final StackWalker CALLER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private Builtins() {}

    /** Every group of builtins, in one list. */
    private static Builtins all() {
        Builtins r = new Builtins();
        CoreBuiltins.register(r);
        MathBuiltins.register(r);
        ListBuiltins.register(r);
        TensorBuiltins.register(r);
        LinalgBuiltins.register(r);
        RandomBuiltins.register(r);
        DataBuiltins.register(r);
        SimulationBuiltins.register(r);
        DerivativeBuiltins.register(r);
        GradBuiltins.register(r);
        SignalBuiltins.register(r);
        SweepBuiltins.register(r);
        EnsembleBuiltins.register(r);
        PlotBuiltins.register(r);
        FlowBuiltins.register(r);
        EpiBuiltins.register(r);
        return r;
    }

    private static final Builtins ALL = all();

    public void def(String spec, String help, Builtin.Body body) {
        define(spec, help, body, CALLER.getCallerClass());
    }

    private Builtin define(String spec, String help, Builtin.Body body, Class<?> group) {
        Builtin b = new Builtin(spec, help, body);
        builtins.put(b.name, b);
        groups.computeIfAbsent(group.getSimpleName(), g -> new ArrayList<>()).add(b);
        return b;
    }

    /**
     * A builtin that is not stateless: each call draws from the random generator. Model analysis
     * never hoists a call of it out of an equation (it would be drawn once) and never
     * differentiates through it, as Brian2 marks {@code rand} where it is registered.
     */
    public void defRandom(String spec, String help, Builtin.Body body) {
        notStateless.add(define(spec, help, body, CALLER.getCallerClass()).name);
    }

    /** Names of the builtins registered with {@link #defRandom}. */
    public static Set<String> notStateless() {
        return Collections.unmodifiableSet(ALL.notStateless);
    }

    /** A method of the value kind {@code type}; its body finds the receiver as {@code args.receiver()}. */
    public void method(String type, String spec, String help, Builtin.Body body) {
        Builtin b = new Builtin(spec, help, body);
        methods.put(type + "." + b.name, b);
        groups.computeIfAbsent(CALLER.getCallerClass().getSimpleName(), g -> new ArrayList<>())
                .add(b);
    }

    /** Method names of a value kind, for field listings and completion. */
    public static List<String> methodNames(String type) {
        List<String> out = new ArrayList<>();
        for (String k : ALL.methods.keySet()) if (k.startsWith(type + ".")) out.add(k.substring(type.length() + 1));
        return out;
    }

    /** The method {@code type.name} bound to a receiver, as a function value; null if there is none. */
    public static SomaFunction bind(String type, String name, Object receiver) {
        Builtin b = ALL.methods.get(type + "." + name);
        if (b == null) return null;
        return new SomaFunction(
                b.signature, new BuiltinRootNode(SomaLanguage.get(null), b, receiver).getCallTarget(), null, true);
    }

    public void math(String name, String help, DoubleUnaryOperator op) {
        math.put(name, op);
        mathHelp.put(name, help);
    }

    public void constant(String name, Object value) {
        constants.put(name, value);
    }

    public static void installAll(SomaLanguage language, GlobalScope globals) {
        for (Builtin b : ALL.builtins.values()) {
            ScalarRootNode.Fast fast = ScalarFastPaths.ALL.get(b.name);
            RootNode root = fast == null ? new BuiltinRootNode(language, b) : new ScalarRootNode(language, b, fast);
            globals.set(b.name, new SomaFunction(b.signature, root.getCallTarget(), null, true));
        }
        for (Map.Entry<String, DoubleUnaryOperator> e : ALL.math.entrySet()) {
            Signature sig = new Signature(e.getKey(), new String[] {"x"}, new boolean[] {false}, false, false);
            globals.set(
                    e.getKey(),
                    new SomaFunction(
                            sig, new MathRootNode(language, e.getKey(), e.getValue()).getCallTarget(), null, true));
        }
        for (Map.Entry<String, Object> e : ALL.constants.entrySet()) globals.set(e.getKey(), e.getValue());
    }

    /** Name, signature and help of every builtin, sorted: for :help and the README. */
    public static List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Builtin b : ALL.builtins.values()) lines.add(b.describe() + "  -  " + b.help);
        for (Map.Entry<String, String> e : ALL.mathHelp.entrySet()) lines.add(e.getKey() + "(x)  -  " + e.getValue());
        for (Map.Entry<String, Builtin> e : ALL.methods.entrySet()) {
            String type = e.getKey().substring(0, e.getKey().indexOf('.'));
            lines.add(type + "." + e.getValue().describe() + "  -  " + e.getValue().help);
        }
        Collections.sort(lines);
        return lines;
    }

    /** The help lines of the builtin (or methods) called {@code name}; empty when there is none. */
    public static List<String> describe(String name) {
        List<String> out = new ArrayList<>();
        for (String line : describe()) {
            if (line.startsWith(name + "(") || line.contains("." + name + "(") && line.indexOf('.') < line.indexOf('('))
                out.add(line);
        }
        return out;
    }

    /** Every builtin and method, for tests that walk them all. */
    public static List<Builtin> every() {
        List<Builtin> out = new ArrayList<>(ALL.builtins.values());
        out.addAll(ALL.methods.values());
        return out;
    }

    /** The builtins registered by one group (its class's simple name, e.g. "SweepBuiltins"), for BuiltinSignaturesTest. */
    public static List<Builtin> group(String group) {
        return ALL.groups.getOrDefault(group, List.of());
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>(ALL.builtins.keySet());
        names.addAll(ALL.math.keySet());
        names.addAll(ALL.constants.keySet());
        return names;
    }
}
