package soma.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import soma.SomaLanguage;
import soma.host.Contexts;

/**
 * {@code bin/soma bench calls}: what a scalar builtin costs inside a compiled Soma loop, against the
 * same logic written with {@code if} (JMH, one fork, in one run so the ratio is fair). Each loop
 * iteration makes two builtin calls; the figures are per iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 20, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BuiltinCallBench {
    static final int N = 100_000;

    private static final String CODE = """
            fn with_builtins(n) {
                let s = 0
                let i = 0
                while i < n {
                    let x = i * 0.00002 - 0.5
                    s = s + max(x, 0.5) + clamp(x, 0, 1)
                    i = i + 1
                }
                s
            }
            fn with_ifs(n) {
                let s = 0
                let i = 0
                while i < n {
                    let x = i * 0.00002 - 0.5
                    s = s + (if x > 0.5 { x } else { 0.5 }) + (if x < 0 { 0 } else if x > 1 { 1 } else { x })
                    i = i + 1
                }
                s
            }
            fn abs_min_sign(n) {
                let s = 0
                let i = 0
                while i < n {
                    let x = i * 0.00002 - 0.5
                    s = s + abs(x) + min(x, 0.25) + sign(x) + floor(x)
                    i = i + 1
                }
                s
            }
            """;

    private Context context;
    private Value withBuiltins;
    private Value withIfs;
    private Value absMinSign;

    @Setup(Level.Trial)
    public void setUp() {
        context = Contexts.newContext(Contexts.Settings.defaults(), System.in, new ByteArrayOutputStream(), System.err);
        if (!Contexts.isOptimizing(context))
            throw new IllegalStateException("the Graal compiler is not active in the benchmark's JVM");
        context.eval(Source.create(SomaLanguage.ID, CODE));
        withBuiltins = context.eval(Source.create(SomaLanguage.ID, "with_builtins"));
        withIfs = context.eval(Source.create(SomaLanguage.ID, "with_ifs"));
        absMinSign = context.eval(Source.create(SomaLanguage.ID, "abs_min_sign"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double maxAndClamp() {
        return withBuiltins.execute((double) N).asDouble();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double sameWithIf() {
        return withIfs.execute((double) N).asDouble();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double absMinSignFloor() {
        return absMinSign.execute((double) N).asDouble();
    }

    static int run(List<String> args) {
        // The forked JVM needs the same module path and Graal flags as this one.
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        var options = new OptionsBuilder()
                .include(BuiltinCallBench.class.getName() + ".*")
                .jvmArgs(jvmArgs.toArray(new String[0]))
                .build();
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (RunnerException e) {
            System.err.println("bench calls: " + e.getMessage());
            return 1;
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-38s %12s%n", "per loop iteration", "ns");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceFirst(".*\\.", "");
            System.out.printf(
                    Locale.ROOT,
                    "%-38s %12.2f ± %.2f%n",
                    describe(name),
                    r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError());
        }
        return 0;
    }

    private static String describe(String method) {
        return switch (method) {
            case "maxAndClamp" -> "max(x, 0.5) + clamp(x, 0, 1)";
            case "sameWithIf" -> "the same written with if";
            case "absMinSignFloor" -> "abs + min + sign + floor";
            default -> method;
        };
    }
}
