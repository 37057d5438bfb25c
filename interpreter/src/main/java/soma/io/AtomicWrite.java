package soma.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;

/**
 * Crash-safe replacement of a file: the bytes go to a temporary file beside the target (same
 * folder, so the rename cannot cross file systems), are synced to the disk, and the temporary file
 * is renamed over the target. A kill or a full disk at any point leaves either the old file or
 * the new one, never a mix; on failure the temporary file is deleted.
 *
 * <p>The temporary file's name is fixed ({@code name.tmp}), so one left by a kill -9 is
 * overwritten and renamed away by the next save of the same file.
 */
public final class AtomicWrite {
    /** Writes are issued in pieces of this size (and the fault hook is checked between them). */
    private static final int CHUNK = 1 << 16;

    private AtomicWrite() {}

    /** One target file and its temporary sibling, on some file system (java.nio or Truffle's). */
    public interface Place {
        void createParentFolders() throws IOException;

        /** The temporary file, created or truncated, opened for writing with every write synced (SYNC). */
        SeekableByteChannel openTemporary() throws IOException;

        void moveTemporaryOverTarget(boolean atomic) throws IOException;

        void deleteTemporary() throws IOException;
    }

    public static void write(Place place, byte[] bytes) throws IOException {
        place.createParentFolders();
        boolean done = false;
        try {
            try (SeekableByteChannel out = place.openTemporary()) {
                long written = 0;
                while (written < bytes.length) {
                    FaultInjection.check(written);
                    int n = (int) Math.min(CHUNK, bytes.length - written);
                    ByteBuffer buf = ByteBuffer.wrap(bytes, (int) written, n);
                    while (buf.hasRemaining()) out.write(buf);
                    written += n;
                }
                FaultInjection.check(written);
            }
            try {
                place.moveTemporaryOverTarget(true);
            } catch (AtomicMoveNotSupportedException e) {
                place.moveTemporaryOverTarget(
                        false); // some file systems cannot rename atomically; still never a partial target
            }
            done = true;
        } finally {
            if (!done) {
                try {
                    place.deleteTemporary();
                } catch (IOException | RuntimeException ignored) {
                    // the original failure is the one to report
                }
            }
        }
    }
}
