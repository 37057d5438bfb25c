package soma.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import soma.dist.Distribution;

/** Embedded Spark (local[2]): the same script gives the same output, to the last bit, as in-process. */
@Timeout(300)
class EmbeddedSparkTest {
    private static JavaSparkContext spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = SparkMain.start("local[2]", "EmbeddedSparkTest");
    }

    @AfterAll
    static void stop() {
        Distribution.install(null);
        if (spark != null) spark.stop();
    }

    @Test
    void sweepAndEnsembleEqualTheInProcessRun() throws Exception {
        Path script = Scripts.write(dir, "both.soma", Scripts.SWEEP_AND_ENSEMBLE);
        Distribution.install(null);
        String local = Scripts.run(script);
        assertTrue(local.contains("epi result for M"), local);
        // 42 samples in partitions of 5: 9 tasks, the last one short
        Distribution.install(new SparkDistributor(spark, Scripts.script(script), 5));
        String onSpark = Scripts.run(script);
        assertEquals(local, onSpark);
    }

    @Test
    void aFailingTaskIsALocatedSomaError() throws Exception {
        Path script = Scripts.write(dir, "failing.soma", Scripts.FAILING);
        Distribution.install(new SparkDistributor(spark, Scripts.script(script), 0));
        String out = Scripts.run(script);
        assertTrue(out.startsWith(script.toAbsolutePath() + ":7:"), out);
        assertTrue(out.contains("in ensemble task 3 (g_el = 20)"), out);
        assertTrue(out.contains("failing.soma:4:"), out);
        assertTrue(!out.contains("org.apache.spark") && !out.contains("\tat "), out);
    }
}
