package soma.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged ~/.soma_history never stops the REPL: bad lines are dropped, good ones kept. */
class HistoryFileTest {
    @TempDir
    Path dir;

    @Test
    void dropsInvalidUtf8CutCharactersAndBinaryJunk() throws IOException {
        Path file = dir.resolve(".soma_history");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // jline's own format: milliseconds, a colon, the line
        bytes.writeBytes("1700000000000:let x = 1\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'1', ':', 'p', (byte) 0xff, (byte) 0xfe, '\n'}); // not UTF-8
        bytes.writeBytes("1700000000001:print(\"µ\")\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'2', ':', '"', (byte) 0xc2, '\n'}); // cut mid-character
        bytes.writeBytes(new byte[] {0, 1, 2, 3, (byte) 0x89, 'P', 'N', 'G', '\n'}); // binary junk
        bytes.writeBytes("garbage without a time\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("1700000000002:x + 1\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'3', ':', 'y', (byte) 0xe2, (byte) 0x82}); // last line cut, no newline
        Files.write(file, bytes.toByteArray());

        assertEquals(5, HistoryFile.repair(file));
        assertEquals(
                List.of("1700000000000:let x = 1", "1700000000001:print(\"µ\")", "1700000000002:x + 1"),
                Files.readAllLines(file));
        assertEquals(List.of("let x = 1", "print(\"µ\")", "x + 1"), loadedByTheLineEditor(file));
        assertEquals(0, HistoryFile.repair(file), "a sound file is left alone");
    }

    @Test
    void aMissingFileIsFine() {
        assertEquals(0, HistoryFile.repair(dir.resolve("none")));
    }

    /** What jline's history holds after loading the file, as the REPL's line reader does. */
    private static List<String> loadedByTheLineEditor(Path file) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder()
                .dumb(true)
                .streams(System.in, new ByteArrayOutputStream())
                .build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .variable(LineReader.HISTORY_FILE, file)
                    .build();
            History history = reader.getHistory();
            history.attach(reader); // loads the file, as the first readLine does
            List<String> lines = new ArrayList<>();
            history.forEach(e -> lines.add(e.line()));
            return lines;
        }
    }
}
