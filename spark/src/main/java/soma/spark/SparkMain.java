package soma.spark;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.launcher.JavaModuleOptions;
import soma.dist.Distribution;

/**
 * {@code soma --master URL [options] FILE [args]}: runs the script as {@code soma} does, with its
 * sweeps and ensembles on Spark ({@code local[*]} embedded, {@code spark://host:7077}, {@code
 * k8s://...}, {@code yarn}). Everything else is the launcher's ({@code soma.launcher.Main}).
 */
public final class SparkMain {
    private SparkMain() {}

    public static void main(String[] argv) throws Exception {
        String master = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--master") && master == null && i + 1 < argv.length) {
                master = argv[++i];
            } else if (a.startsWith("--master=") && master == null) {
                master = a.substring("--master=".length());
            } else {
                rest.add(a);
            }
        }
        if (master == null || master.isBlank()) {
            System.err.println("soma: --master needs a Spark master URL (local[*], spark://HOST:7077, ...)");
            System.exit(2);
        }
        Script script;
        try {
            script = script(rest);
        } catch (IOException e) {
            System.err.println("soma: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (script == null) {
            System.err.println("soma: --master runs a script (soma --master URL FILE, or -e CODE), not the REPL");
            System.exit(2);
        }
        JavaSparkContext spark = start(master, script.name());
        Distribution.install(new SparkDistributor(spark, script, Integer.getInteger("soma.spark.samplesPerTask", 0)));
        soma.launcher.Main.main(rest.toArray(String[]::new)); // exits; Spark's shutdown hook stops the context
    }

    /** The Spark context for the driver; on a cluster, workers get Soma through the configuration set here. */
    static JavaSparkContext start(String master, String name) {
        SparkConf conf = new SparkConf() // spark.* system properties (-Dspark.executor.memory=4g) are taken as given
                .setMaster(master)
                .setAppName("soma " + name)
                .setIfMissing("spark.ui.showConsoleProgress", "false");
        if (!master.startsWith("local")) workers(conf);
        return new JavaSparkContext(conf);
    }

    /**
     * What executors need to run Soma: this module's jar ({@code spark.jars}, fetched by every
     * executor), and the interpreter with the Graal compiler from a Soma installation at the same
     * path on every worker ({@code soma.worker.home}, by default this one), on the class path and
     * the upgrade module path as its tests run it, with the flags of bin/soma and Spark's own.
     */
    static void workers(SparkConf conf) {
        String jar = ownJar();
        if (jar != null) {
            String jars = conf.get("spark.jars", "");
            conf.set("spark.jars", jars.isEmpty() ? jar : jars + "," + jar);
        }
        String home = System.getProperty("soma.worker.home", System.getProperty("soma.home", ""));
        if (home.isEmpty()) return;
        String target = new File(home, "interpreter/target").getAbsolutePath();
        conf.setIfMissing(
                "spark.executor.extraClassPath", target + "/soma.jar" + File.pathSeparator + target + "/lib/*");
        conf.setIfMissing("spark.executor.extraJavaOptions", executorOptions(home));
    }

    static String executorOptions(String home) {
        String target = new File(home, "interpreter/target").getAbsolutePath();
        return String.join(
                " ",
                "-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI",
                "--upgrade-module-path=" + target + "/upgrade",
                "--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow",
                "-Xss16m -Djava.awt.headless=true",
                JavaModuleOptions.defaultModuleOptions(),
                "-Dsoma.home=" + new File(home).getAbsolutePath());
    }

    /** The jar this class was loaded from (null when run from classes, as in this module's tests). */
    static String ownJar() {
        try {
            var source = SparkMain.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            File f = new File(source.getLocation().toURI());
            return f.isFile() ? f.getAbsolutePath() : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }

    /** The script the launcher will run, read as it reads it: the first argument that is not an option, or -e's code. */
    static Script script(List<String> args) throws IOException {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--seed")) {
                i++;
            } else if (a.equals("-e")) {
                return i + 1 < args.size() ? new Script(null, "<command line>", args.get(i + 1)) : null;
            } else if (!a.startsWith("-") || a.equals("-")) {
                File f = new File(a);
                if (!f.isFile()) throw new IOException("no such file: " + a);
                return new Script(f.getAbsolutePath(), f.getName(), Files.readString(f.toPath()));
            }
        }
        return null;
    }
}
