package soma.io.guest;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import soma.io.FileErrors;
import soma.runtime.SomaError;

/**
 * Claims a file that a long run will write again and again (an EPI checkpoint), so that a second
 * run given the same file stops at once with a clear message instead of failing much later on a
 * rename, or silently interleaving its epochs with the first run's. The claim is a lock file
 * {@code name.lock} holding the process id; one left by a killed process (whose id no longer
 * runs) is taken over. Acquiring also checks, before any work starts, that the file's folder can
 * be written, and removes a temporary file left by a kill ({@code name.tmp}, see AtomicWrite).
 */
public final class WriterLock implements AutoCloseable {
    /** Targets held by runs in this process (two contexts, or two threads, in one JVM). */
    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();

    private final TruffleFile lockFile;
    private final String key;

    private WriterLock(TruffleFile lockFile, String key) {
        this.lockFile = lockFile;
        this.key = key;
    }

    /** Claims {@code target}; {@code what} names it in errors ("the checkpoint"). */
    @TruffleBoundary
    public static WriterLock acquire(TruffleFile target, String what) {
        TruffleFile file = target.getAbsoluteFile().normalize();
        String name = target.getPath();
        try {
            if (file.isDirectory()) throw new SomaError("cannot write " + what + " " + name + ": it is a folder");
            TruffleFile parent = file.getParent();
            if (parent != null && !parent.isDirectory()) parent.createDirectories();
            String key = file.getPath();
            if (!HELD.add(key))
                throw new SomaError(what + " " + name
                        + " is being written by another run in this process; give each run its own file");
            try {
                TruffleFile lock = file.resolveSibling(file.getName() + ".lock");
                claim(lock, name, what);
                TruffleFile tmp = file.resolveSibling(file.getName() + ".tmp");
                if (tmp.exists()) tmp.delete(); // left by a kill during a save
                return new WriterLock(lock, key);
            } catch (IOException | RuntimeException e) {
                HELD.remove(key);
                throw e;
            }
        } catch (IOException | SecurityException e) {
            throw new SomaError("cannot write " + what + " " + name + ": " + FileErrors.reason(e));
        }
    }

    private static void claim(TruffleFile lock, String name, String what) throws IOException {
        long me = ProcessHandle.current().pid();
        for (int attempt = 0; attempt < 2; attempt++) {
            try (SeekableByteChannel ch =
                    lock.newByteChannel(Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                ch.write(ByteBuffer.wrap(Long.toString(me).getBytes(StandardCharsets.US_ASCII)));
                return;
            } catch (FileAlreadyExistsException e) {
                long owner = owner(lock);
                if (owner > 0
                        && owner != me
                        && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new SomaError(what + " " + name + " is being written by another run (process " + owner
                            + "); give each run its own file, " + "or delete " + lock.getPath()
                            + " if that process is not Soma");
                }
                lock.delete(); // stale: its process is gone (killed), or it is this process's own from an earlier
                // context
            }
        }
        throw new SomaError("cannot claim " + what + " " + name + ": another run keeps creating " + lock.getPath());
    }

    private static long owner(TruffleFile lock) {
        try {
            return Long.parseLong(new String(lock.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    @Override
    @TruffleBoundary
    public void close() {
        try {
            lockFile.delete();
        } catch (IOException | SecurityException e) {
            // a lock file left behind is taken over by the next run (its process is gone)
        } finally {
            HELD.remove(key);
        }
    }
}
