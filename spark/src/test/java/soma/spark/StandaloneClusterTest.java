package soma.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import soma.dist.Distribution;

/**
 * A real standalone cluster on 127.0.0.1: a master and two workers (one core each), each its own
 * JVM started from the Spark jars on this test's class path; the workers launch executors from a
 * temporary SPARK_HOME whose jars/ links those jars. The driver is this JVM.
 */
@Timeout(600)
class StandaloneClusterTest {
    private static final List<Process> PROCESSES = new ArrayList<>();
    private static JavaSparkContext spark;
    private static Process worker1;
    private static String inProcess;
    private static Path script;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startCluster() throws Exception {
        script = Scripts.write(dir, "both.soma", Scripts.SWEEP_AND_ENSEMBLE);
        Distribution.install(null);
        inProcess = Scripts.run(script);

        Path home = sparkHome(dir.resolve("spark-home"));
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        start(
                home,
                "master",
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                "" + port,
                "--webui-port",
                "" + freePort());
        waitForPort(port);
        for (int i = 1; i <= 2; i++) {
            Process w = start(
                    home,
                    "worker" + i,
                    "org.apache.spark.deploy.worker.Worker",
                    master,
                    "--host",
                    "127.0.0.1",
                    "--cores",
                    "1",
                    "--memory",
                    "1g",
                    "--webui-port",
                    "" + freePort(),
                    "--work-dir",
                    dir.resolve("work" + i).toString());
            if (i == 1) worker1 = w;
        }
        String somaHome = System.getProperty("soma.home");
        SparkConf conf = new SparkConf()
                .setMaster(master)
                .setAppName("StandaloneClusterTest")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                .set("spark.executor.memory", "700m")
                .set("spark.cores.max", "2")
                // Soma as its own tests run it: everything on the class path (as bin/soma --master sets it from
                // the installation: SparkMain.workers), the Graal compiler on the upgrade module path
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .set("spark.executor.extraJavaOptions", SparkMain.executorOptions(somaHome));
        spark = new JavaSparkContext(conf);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (spark.sc().getExecutorMemoryStatus().size() < 3) { // the driver and two executors
            if (System.nanoTime() > deadline) throw new IllegalStateException("the executors did not start");
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stopCluster() {
        Distribution.install(null);
        try {
            if (spark != null) spark.stop();
        } finally {
            for (Process p : PROCESSES) kill(p);
        }
    }

    @Test
    void sweepAndEnsembleEqualTheInProcessRunAndSurviveALostWorker() throws Exception {
        Distribution.install(new SparkDistributor(spark, Scripts.script(script), 5));
        assertEquals(inProcess, Scripts.run(script), "on the cluster");

        // again in smaller tasks, and one worker's machine is lost once a few tasks are done
        Distribution.install(new SparkDistributor(spark, Scripts.script(script), 2));
        CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
            try {
                return Scripts.run(script);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (completedTasks() < 3 && !run.isDone()) {
            assertTrue(System.nanoTime() < deadline, "no task finished");
            Thread.sleep(100);
        }
        assertTrue(!run.isDone(), "the job ended before a worker could be lost");
        kill(worker1);
        assertEquals(inProcess, run.get(300, TimeUnit.SECONDS), "after losing a worker");
    }

    private static int completedTasks() {
        int done = 0;
        for (int job : spark.statusTracker().getActiveJobIds()) {
            var info = spark.statusTracker().getJobInfo(job);
            if (info == null) continue;
            for (int stage : info.stageIds()) {
                var s = spark.statusTracker().getStageInfo(stage);
                if (s != null) done += s.numCompletedTasks();
            }
        }
        return done;
    }

    /** A SPARK_HOME the worker launches executors from: a RELEASE file and jars/ linking this class path's jars. */
    private static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "Spark (from the Maven jars) for Soma's tests\n");
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) Files.createSymbolicLink(link, p.toAbsolutePath());
            }
        }
        return home;
    }

    private static Process start(Path home, String name, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        for (String o : JavaModuleOptions.defaultModuleOptions().split(" ")) if (!o.isBlank()) cmd.add(o);
        cmd.add("-cp");
        cmd.add(home.resolve("jars") + File.separator + "*");
        cmd.add(main);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        PROCESSES.add(p);
        return p;
    }

    /** The process and everything it started (a worker's executors), at once, as a lost machine. */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the master did not start on port " + port);
    }
}
