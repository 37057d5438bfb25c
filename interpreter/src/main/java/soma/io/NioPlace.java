package soma.io;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** {@link AtomicWrite} on the host file system, for the Java API (tests, benchmarks, tools). */
public record NioPlace(Path target) implements AtomicWrite.Place {
    /** Replaces {@code target} with {@code bytes} atomically (see {@link AtomicWrite}). */
    public static void write(Path target, byte[] bytes) throws IOException {
        AtomicWrite.write(new NioPlace(target), bytes);
    }

    private Path temporary() {
        return target.toAbsolutePath().resolveSibling(target.getFileName() + ".tmp");
    }

    @Override
    public void createParentFolders() throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
    }

    @Override
    public SeekableByteChannel openTemporary() throws IOException {
        return Files.newByteChannel(
                temporary(),
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
    }

    @Override
    public void moveTemporaryOverTarget(boolean atomic) throws IOException {
        if (atomic)
            Files.move(temporary(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        else Files.move(temporary(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void deleteTemporary() throws IOException {
        Files.deleteIfExists(temporary());
    }
}
