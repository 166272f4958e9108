package dev.bklint.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a report file all at once or not at all: the text goes to a new temporary file beside the target, which
 * is then moved over it (atomically where the file system can), so a failure never leaves a half-written report
 * nor damages the one already there. A new file gets the usual permissions (umask), a replaced one keeps its own.
 * Missing parent directories are created.
 */
public final class ReportFile {
    private ReportFile() {
    }

    /** A report that could not be written, with a one-line reason. */
    public static final class WriteError extends Exception {
        public WriteError(String message) {
            super(message);
        }
    }

    public static void write(Path target, String text) throws WriteError {
        String what = "cannot write " + target + ": ";
        Path file = target;
        try {
            if (Files.isSymbolicLink(file)) {
                file = file.toRealPath(); // write where the link points, keep the link
            }
        } catch (IOException e) {
            throw new WriteError(what + "the link points nowhere (" + reason(e) + ")");
        }
        if (Files.isDirectory(file)) {
            throw new WriteError(what + "it is a directory");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new WriteError(what + "permission denied");
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new WriteError(what + "cannot create directory " + dir + " (" + reason(e) + ")");
        }
        Path temp;
        try {
            temp = createTemp(dir, file.getFileName().toString());
        } catch (IOException e) {
            throw new WriteError(what + "cannot create files in " + dir + " (" + reason(e) + ")");
        }
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            keepPermissions(file, temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw new WriteError(what + reason(e));
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write failed and so does the clean-up: nothing more can be done
                }
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp");
            try {
                return Files.createFile(temp); // not createTempFile: that forces mode 0600 on the report
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw e;
                }
            }
        }
    }

    private static void keepPermissions(Path existing, Path temp) {
        try {
            PosixFileAttributeView from = Files.getFileAttributeView(existing, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (from != null && Files.exists(existing)) {
                Files.setPosixFilePermissions(temp, from.readAttributes().permissions());
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not POSIX, or not ours to read: the new file keeps the default permissions
        }
    }
}
