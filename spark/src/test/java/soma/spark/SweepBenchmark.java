package soma.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import soma.dist.Distribution;

/**
 * The STG hub-frequency sweep (an n x n grid, T = 800 Euler steps of dt = 0.025, n = 200 unless
 * -Dsoma.bench.grid=N) in-process, on embedded Spark (local[2]) and on a 2-worker standalone cluster
 * on this machine, each run twice (the second run of the same script finds the workers' contexts
 * parked at the call); then the fixed cost of a task, from a 256-task sweep of one sample each at
 * 100 steps. Prints wall times. Not a test (it takes minutes): run it with
 * {@code mvn -pl interpreter,launcher,spark verify -Dtest=SweepBenchmark -Dsoma.bench=true}.
 */
@EnabledIfSystemProperty(named = "soma.bench", matches = "true")
class SweepBenchmark {
    @TempDir
    Path dir;

    private final StringBuilder report = new StringBuilder();

    @Test
    void stgSweep() throws Exception {
        int n = Integer.getInteger("soma.bench.grid", 200);
        Path big = Scripts.write(dir, "bench.soma", sweep(n, 800));
        Path tiny = Scripts.write(dir, "tiny.soma", sweep(16, 100));
        Distribution.install(null);
        String bigOut = run("in-process (one batch, 2 cores), 1st run", big, null);
        run("in-process, 2nd run (a new context)", big, bigOut);
        String tinyOut = run("in-process, 256 samples x 100 steps", tiny, null);
        run("in-process, 256 samples x 100 steps, again", tiny, tinyOut);

        JavaSparkContext embedded = SparkMain.start("local[2]", "SweepBenchmark");
        try {
            compare("embedded Spark local[2]", embedded, big, bigOut, tiny, tinyOut, n);
        } finally {
            Distribution.install(null);
            embedded.stop();
        }
        try (LocalCluster cluster = new LocalCluster(dir, 2, "3g")) {
            compare("standalone cluster (2 x 1 core)", cluster.spark, big, bigOut, tiny, tinyOut, n);
        } finally {
            Distribution.install(null);
        }
        System.out.println(
                "STG sweep " + n + " x " + n + ", T = 800 steps (wall time of the whole script):\n" + report);
    }

    private void compare(
            String where, JavaSparkContext spark, Path big, String bigOut, Path tiny, String tinyOut, int n)
            throws Exception {
        SparkDistributor chosen = new SparkDistributor(spark, Scripts.script(big), 0);
        Distribution.install(chosen);
        String tasks = chosen.sweepPartitions(n * n) + " tasks";
        run(where + ", 1st run, " + tasks, big, bigOut);
        run(where + ", 2nd run, " + tasks, big, bigOut);
        Distribution.install(new SparkDistributor(spark, Scripts.script(tiny), 1));
        run(where + ", 256 tasks of 1 sample, 1st run", tiny, tinyOut);
        run(where + ", 256 tasks of 1 sample, 2nd run", tiny, tinyOut);
    }

    private String run(String what, Path script, String expected) throws Exception {
        long t0 = System.nanoTime();
        String out = Scripts.run(script);
        double s = (System.nanoTime() - t0) / 1e9;
        if (expected != null) assertEquals(expected, out, what);
        report.append(String.format(Locale.ROOT, "  %-62s %7.2f s%n", what, s));
        return out;
    }

    private static String sweep(int n, int steps) {
        return """
                import stg
                let grid = linspace(0.5, 20, %d)
                let map = sweep(STG(), over: {g_el: grid, g_synA: grid}, steps: %d, dt: 0.025, record: ["V"],
                                statistic: fn(run) = hub_frequency(run.V[:, :, 2], dt: 0.025))
                print(sum(map.values))
                """.formatted(n, steps);
    }
}
