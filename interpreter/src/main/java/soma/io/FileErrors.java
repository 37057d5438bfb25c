package soma.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The reason an I/O operation failed, in words. Java's file-system exceptions often carry only
 * the path as their message ("cannot save plot to x.png: x.png"); the user needs the cause.
 */
public final class FileErrors {
    private FileErrors() {}

    public static String reason(Exception e) {
        if (e instanceof SecurityException) return "file access is not allowed in this context";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof NotDirectoryException) return "a part of the path is not a folder";
        if (e instanceof FileAlreadyExistsException)
            return "a part of the path is not a folder"; // createDirectories met a file
        if (e instanceof DirectoryNotEmptyException) return "it is a folder that is not empty";
        String text = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (text == null || text.isBlank()) return e.getClass().getSimpleName();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk quota") || lower.contains("not enough space"))
            return "disk full";
        if (lower.contains("read-only file system")) return "the file system is read-only";
        if (lower.contains("permission denied") || lower.contains("access is denied")) return "permission denied";
        if (lower.contains("is a directory")) return "it is a folder";
        if (lower.contains("not a directory")) return "a part of the path is not a folder";
        if (lower.contains("no such file")) return "no such file or folder";
        return text;
    }
}
