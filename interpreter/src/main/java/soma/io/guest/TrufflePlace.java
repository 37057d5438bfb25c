package soma.io.guest;

import com.oracle.truffle.api.TruffleFile;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import soma.io.AtomicWrite;

/** {@link AtomicWrite} through the context's file system, so the embedder's IOAccess decides. */
record TrufflePlace(TruffleFile target) implements AtomicWrite.Place {
    private TruffleFile temporary() {
        return target.getAbsoluteFile().resolveSibling(target.getName() + ".tmp");
    }

    @Override
    public void createParentFolders() throws IOException {
        TruffleFile parent = target.getAbsoluteFile().getParent();
        if (parent != null && !parent.isDirectory()) parent.createDirectories();
    }

    @Override
    public SeekableByteChannel openTemporary() throws IOException {
        return temporary()
                .newByteChannel(Set.of(
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC));
    }

    @Override
    public void moveTemporaryOverTarget(boolean atomic) throws IOException {
        if (atomic) temporary().move(target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        else temporary().move(target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void deleteTemporary() throws IOException {
        TruffleFile tmp = temporary();
        if (tmp.exists()) tmp.delete();
    }
}
