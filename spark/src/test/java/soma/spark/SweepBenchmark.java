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
 * on this machine; prints wall times and the overhead per task against the in-process run. Not a
 * test (it takes minutes): run it with
 * {@code mvn -pl interpreter,launcher,spark verify -Dtest=SweepBenchmark -Dsoma.bench=true}.
 */
@EnabledIfSystemProperty(named = "soma.bench", matches = "true")
class SweepBenchmark {
    @TempDir
    Path dir;

    @Test
    void stgSweep() throws Exception {
        int n = Integer.getInteger("soma.bench.grid", 200);
        Path script = Scripts.write(dir, "bench.soma", """
                import stg
                let grid = linspace(0.5, 20, %d)
                let map = sweep(STG(), over: {g_el: grid, g_synA: grid}, steps: 800, dt: 0.025, record: ["V"],
                                statistic: fn(run) = hub_frequency(run.V[:, :, 2], dt: 0.025))
                print(sum(map.values))
                """.formatted(n));
        StringBuilder report = new StringBuilder();
        Distribution.install(null);
        long t0 = System.nanoTime();
        String local = Scripts.run(script);
        double inProcess = (System.nanoTime() - t0) / 1e9;
        line(report, "in-process (one batch, 2 cores), 1st run", inProcess, 1, inProcess);
        t0 = System.nanoTime();
        assertEquals(local, Scripts.run(script));
        double warm = (System.nanoTime() - t0) / 1e9;
        line(report, "in-process, 2nd run (a new context)", warm, 1, warm);

        JavaSparkContext embedded = SparkMain.start("local[2]", "SweepBenchmark");
        try {
            SparkDistributor d = new SparkDistributor(embedded, Scripts.script(script), 0);
            Distribution.install(d);
            int tasks = d.sweepPartitions(n * n);
            t0 = System.nanoTime();
            assertEquals(local, Scripts.run(script));
            line(report, "embedded Spark local[2], 1st run", (System.nanoTime() - t0) / 1e9, tasks, inProcess);
            t0 = System.nanoTime();
            assertEquals(local, Scripts.run(script)); // the same call again: the parked contexts serve it
            line(report, "embedded Spark local[2], 2nd run", (System.nanoTime() - t0) / 1e9, tasks, warm);
        } finally {
            Distribution.install(null);
            embedded.stop();
        }

        try (LocalCluster cluster = new LocalCluster(dir, 2, "3g")) {
            SparkDistributor d = new SparkDistributor(cluster.spark, Scripts.script(script), 0);
            Distribution.install(d);
            int tasks = d.sweepPartitions(n * n);
            t0 = System.nanoTime();
            assertEquals(local, Scripts.run(script));
            line(report, "standalone cluster (2 x 1 core), 1st run", (System.nanoTime() - t0) / 1e9, tasks, inProcess);
            t0 = System.nanoTime();
            assertEquals(local, Scripts.run(script));
            line(report, "standalone cluster (2 x 1 core), 2nd run", (System.nanoTime() - t0) / 1e9, tasks, warm);
        } finally {
            Distribution.install(null);
        }
        System.out.println("STG sweep " + n + " x " + n + ", T = 800 steps:\n" + report);
    }

    private static void line(StringBuilder b, String what, double seconds, int tasks, double inProcess) {
        b.append(String.format(
                Locale.ROOT,
                "  %-44s %7.1f s  %3d task(s)  overhead %+.2f s per task%n",
                what,
                seconds,
                tasks,
                (seconds - inProcess) / tasks));
    }
}
