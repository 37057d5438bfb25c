package soma.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import soma.dist.Distribution;

/** A real standalone cluster on 127.0.0.1 (a master and two workers, each its own JVM: {@link LocalCluster}). */
@Timeout(600)
class StandaloneClusterTest {
    private static LocalCluster cluster;
    private static String inProcess;
    private static Path script;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startCluster() throws Exception {
        script = Scripts.write(dir, "both.soma", Scripts.SWEEP_AND_ENSEMBLE);
        Distribution.install(null);
        inProcess = Scripts.run(script);
        cluster = new LocalCluster(dir, 2, "700m");
    }

    @AfterAll
    static void stopCluster() {
        Distribution.install(null);
        if (cluster != null) cluster.close();
    }

    @Test
    void sweepAndEnsembleEqualTheInProcessRunAndSurviveALostWorker() throws Exception {
        Distribution.install(new SparkDistributor(cluster.spark, Scripts.script(script), 5));
        assertEquals(inProcess, Scripts.run(script), "on the cluster");

        // again in smaller tasks, and one worker's machine is lost once a few tasks are done
        Distribution.install(new SparkDistributor(cluster.spark, Scripts.script(script), 2));
        CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
            try {
                return Scripts.run(script);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (completedTasks() < 3 && !run.isDone()) {
            assertTrue(System.nanoTime() < deadline, "no task finished");
            Thread.sleep(100);
        }
        assertTrue(!run.isDone(), "the job ended before a worker could be lost");
        cluster.loseWorker(0);
        assertEquals(inProcess, run.get(300, TimeUnit.SECONDS), "after losing a worker");
    }

    @Test
    void aFailingTaskIsALocatedSomaError() throws Exception {
        Path failing = Scripts.write(dir, "failing.soma", Scripts.FAILING);
        Distribution.install(new SparkDistributor(cluster.spark, Scripts.script(failing), 0));
        String out = Scripts.run(failing);
        assertTrue(out.startsWith(failing.toAbsolutePath() + ":7:"), out);
        assertTrue(out.contains("in ensemble task 3 (g_el = 20)"), out);
        assertTrue(out.contains("failing.soma:4:"), out);
        assertTrue(!out.contains("org.apache.spark") && !out.contains("\tat "), out);
    }

    private static int completedTasks() {
        int done = 0;
        for (int job : cluster.spark.statusTracker().getActiveJobIds()) {
            var info = cluster.spark.statusTracker().getJobInfo(job);
            if (info == null) continue;
            for (int stage : info.stageIds()) {
                var s = cluster.spark.statusTracker().getStageInfo(stage);
                if (s != null) done += s.numCompletedTasks();
            }
        }
        return done;
    }
}
