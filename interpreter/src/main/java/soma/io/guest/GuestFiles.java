package soma.io.guest;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage.Env;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import soma.io.AtomicWrite;
import soma.io.FileErrors;
import soma.runtime.SomaError;

/**
 * Every file a Soma program reads or writes goes through here: paths are resolved by the
 * context's file system (so an embedder's {@code IOAccess.NONE} or virtual file system applies),
 * writes are atomic ({@link AtomicWrite}), and failures are Soma errors that say why.
 */
public final class GuestFiles {
    private GuestFiles() {}

    /** The file {@code name} (relative to the working directory) as the context sees it. */
    @TruffleBoundary
    public static TruffleFile file(Env env, String name) {
        try {
            return env.getPublicTruffleFile(name);
        } catch (SecurityException e) {
            throw new SomaError("cannot use the file " + name + ": " + FileErrors.reason(e));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new SomaError("'" + name + "' is not a valid file name");
        }
    }

    /** Replaces the file with {@code bytes}; {@code what} names it in errors ("the CSV file", "plot"). */
    private static final ThreadLocal<BooleanSupplier> SKIP_WRITES = new ThreadLocal<>();

    /**
     * While {@code skip} is true, this thread's writes are skipped: a worker that replays a script
     * to reach a distributed call (see soma.dist.Replay) leaves the files to the driver.
     */
    public static void skipWritesWhile(BooleanSupplier skip) {
        SKIP_WRITES.set(skip);
    }

    @TruffleBoundary
    public static void write(Env env, String name, byte[] bytes, String what) {
        write(file(env, name), name, bytes, what);
    }

    @TruffleBoundary
    public static void write(TruffleFile file, String name, byte[] bytes, String what) {
        BooleanSupplier skip = SKIP_WRITES.get();
        if (skip != null && skip.getAsBoolean()) return; // a worker replaying the script: the driver writes
        try {
            AtomicWrite.write(new TrufflePlace(file), bytes);
        } catch (IOException | SecurityException e) {
            throw new SomaError("cannot save " + what + " to " + name + ": " + FileErrors.reason(e));
        }
    }

    @TruffleBoundary
    public static void writeString(Env env, String name, String text, String what) {
        write(env, name, text.getBytes(StandardCharsets.UTF_8), what);
    }

    @TruffleBoundary
    public static String readString(Env env, String name, String what) {
        return readString(file(env, name), name, what);
    }

    @TruffleBoundary
    public static String readString(TruffleFile file, String name, String what) {
        try {
            return new String(file.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            throw new SomaError("cannot read " + what + " " + name + ": " + FileErrors.reason(e));
        }
    }

    @TruffleBoundary
    public static boolean exists(TruffleFile file) {
        try {
            return file.exists();
        } catch (SecurityException e) {
            return false;
        }
    }
}
