package soma;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which package of the compiled interpreter uses which, read from the class files themselves
 * (every class named in a constant pool or a type descriptor), and the cycles among them.
 * Run {@code main} to print the graph.
 */
final class PackageGraph {
    /** An internal class name ({@code soma/tensor/Tensor}) inside any constant-pool string. */
    private static final Pattern SOMA_CLASS =
            Pattern.compile("(?<![a-z0-9_/])soma/(?:[a-z0-9_]+/)*[A-Z][A-Za-z0-9_$]*");

    /** Package -> the other soma packages its classes use. */
    final Map<String, Set<String>> edges = new TreeMap<>();
    /** Package -> class -> the soma classes it uses in other packages (to say why an edge exists). */
    final Map<String, Map<String, Set<String>>> reasons = new TreeMap<>();

    static PackageGraph ofCompiledClasses() {
        try {
            Path root = Path.of(SomaLanguage.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            PackageGraph g = new PackageGraph();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    if (f.getFileName().toString().equals("module-info.class")) continue;
                    g.add(ClassFile.of().parse(Files.readAllBytes(f)));
                }
            }
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void add(ClassModel c) {
        String self = c.thisClass().asInternalName();
        String from = packageOf(self);
        edges.computeIfAbsent(from, k -> new TreeSet<>());
        for (PoolEntry e : c.constantPool()) {
            String text = e instanceof ClassEntry ce
                    ? ce.asInternalName()
                    : e instanceof Utf8Entry u ? u.stringValue() : null;
            if (text == null) continue;
            Matcher m = SOMA_CLASS.matcher(text);
            while (m.find()) {
                String used = m.group();
                String to = packageOf(used);
                if (to.equals(from)) continue;
                edges.get(from).add(to);
                reasons.computeIfAbsent(from + " -> " + to, k -> new TreeMap<>())
                        .computeIfAbsent(simple(self), k -> new TreeSet<>())
                        .add(simple(used));
            }
        }
    }

    private static String packageOf(String internalName) {
        return internalName.substring(0, internalName.lastIndexOf('/')).replace('/', '.');
    }

    private static String simple(String internalName) {
        String s = internalName.substring(internalName.lastIndexOf('/') + 1);
        int dollar = s.indexOf('$');
        return dollar < 0 ? s : s.substring(0, dollar);
    }

    /** The strongly connected components with more than one package (Tarjan), each sorted. */
    List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : edges.keySet()) if (!index.containsKey(v)) connect(v, index, low, stack, onStack, out);
        return out;
    }

    private void connect(
            String v,
            Map<String, Integer> index,
            Map<String, Integer> low,
            Deque<String> stack,
            Set<String> onStack,
            List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) out.add(component);
        }
    }

    public static void main(String[] args) {
        PackageGraph g = ofCompiledClasses();
        for (Set<String> c : g.cycles()) System.out.println("CYCLE (" + c.size() + "): " + String.join(" ", c));
        g.edges.forEach((from, to) -> System.out.println(from + " -> " + String.join(" ", to)));
    }
}
