package soma.repl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code ~/.soma_history} readable by the line editor (jline), which drops or refuses the
 * whole file at the first line that is not UTF-8 or not in its {@code millis:line} form. Such lines
 * (binary junk, a line cut in the middle of a character by a crash) and lines holding control
 * characters are dropped; the rest are kept in order. A history that cannot be read or repaired at all is set aside, never fatal.
 */
final class HistoryFile {
    private HistoryFile() {}

    /** Repairs the file in place if needed; returns how many lines were dropped. */
    static int repair(Path file) {
        try {
            if (!Files.isRegularFile(file)) return 0;
            byte[] bytes = Files.readAllBytes(file);
            List<String> kept = new ArrayList<>();
            int dropped = 0, start = 0;
            for (int i = 0; i <= bytes.length; i++) {
                if (i < bytes.length && bytes[i] != '\n') continue;
                if (i > start || i < bytes.length) {
                    String line = decode(bytes, start, i);
                    if (line == null) dropped++;
                    else kept.add(line);
                }
                start = i + 1;
            }
            if (dropped == 0) return 0;
            // Written beside and moved over the old file, so a crash now cannot leave it half written.
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, kept, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return dropped;
        } catch (IOException | RuntimeException e) {
            setAside(file);
            return -1;
        }
    }

    /** The line, or null if it is not valid UTF-8, not {@code millis:text}, or holds control characters other than tab. */
    private static String decode(byte[] bytes, int from, int to) {
        if (to > from && bytes[to - 1] == '\r') to--;
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String line =
                    decoder.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
            if (!line.matches("\\d+:.*")) return null;
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if (c != '\t' && Character.isISOControl(c)) return null;
            }
            return line;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void setAside(Path file) {
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".damaged"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException ignored) {
            // nothing more to do: the REPL starts without history
        }
    }
}
