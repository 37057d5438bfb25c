package soma.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveFormatTest {
    @TempDir
    Path dir;

    private final Figure fig = Charts.line(new double[] {0, 1}, new double[] {0, 1}, null);

    @Test
    void unknownExtensionIsRejectedWithTheDocumentedMessage() {
        Path p = dir.resolve("plot.xyz");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fig.save(p));
        assertEquals("unsupported plot format '.xyz' (use .png or .svg)", e.getMessage());
        assertFalse(Files.exists(p), "nothing written for a rejected format");
    }

    @Test
    void missingExtensionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fig.save(dir.resolve("plot")));
        assertTrue(e.getMessage().contains("use .png or .svg"), e.getMessage());
    }

    @Test
    void extensionIsCaseInsensitiveAndParentsAreCreated() throws Exception {
        Path p = dir.resolve("a/b/PLOT.PNG");
        fig.save(p);
        assertTrue(Files.size(p) > 0);
        Path s = dir.resolve("c/plot.Svg");
        fig.save(s);
        assertTrue(Files.readString(s).contains("<svg"));
    }
}
