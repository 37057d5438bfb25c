package soma.spark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A real standalone cluster on 127.0.0.1: a master and workers (one core each), each its own JVM
 * started from the Spark jars on this test's class path; the workers launch executors from a
 * temporary SPARK_HOME whose jars/ links those jars (with a RELEASE file, as a Spark distribution
 * has). The driver is this JVM. Closing it stops the driver and kills every process it started.
 */
final class LocalCluster implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final Path dir;
    final JavaSparkContext spark;

    LocalCluster(Path dir, int workerCount, String executorMemory) throws Exception {
        this.dir = dir;
        JavaSparkContext started = null;
        try {
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
            for (int i = 1; i <= workerCount; i++) {
                workers.add(start(
                        home,
                        "worker" + i,
                        "org.apache.spark.deploy.worker.Worker",
                        master,
                        "--host",
                        "127.0.0.1",
                        "--cores",
                        "1",
                        "--memory",
                        "4g",
                        "--webui-port",
                        "" + freePort(),
                        "--work-dir",
                        dir.resolve("work" + i).toString()));
            }
            SparkConf conf = new SparkConf()
                    .setMaster(master)
                    .setAppName("soma tests")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false")
                    .set("spark.executor.memory", executorMemory)
                    .set("spark.cores.max", "" + workerCount)
                    // Soma as its tests run it: everything on the class path (bin/soma --master sets the
                    // installation's jars instead: SparkMain.workers), the Graal compiler on the upgrade module path
                    .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                    .set("spark.executor.extraJavaOptions", SparkMain.executorOptions(System.getProperty("soma.home")));
            started = new JavaSparkContext(conf);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (started.sc().getExecutorMemoryStatus().size() < workerCount + 1) { // the driver and the executors
                if (System.nanoTime() > deadline) throw new IllegalStateException("the executors did not start");
                Thread.sleep(200);
            }
        } catch (Exception | Error e) {
            if (started != null) started.stop();
            for (Process p : processes) kill(p);
            throw e;
        }
        this.spark = started;
    }

    /** Kills worker i (from 0) and its executors at once, as when its machine is lost. */
    void loseWorker(int i) {
        kill(workers.get(i));
    }

    @Override
    public void close() {
        try {
            spark.stop();
        } finally {
            for (Process p : processes) kill(p);
        }
    }

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

    private Process start(Path home, String name, String main, String... args) throws IOException {
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
        processes.add(p);
        return p;
    }

    /** The process and everything it started (a worker's executors). */
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
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the master did not start on port " + port);
    }
}
