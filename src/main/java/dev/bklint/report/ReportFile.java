package dev.bklint.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a report file all at once or not at all: the text goes to a new temporary file beside the target, which
 * is then moved over it (atomically where the file system can), so a failure never leaves a half-written report
 * nor damages the one already there. A new file gets the usual permissions (umask), a replaced one keeps its own.
 * Missing parent directories are created.
 *
 * <p>Never through a symbolic link: a link committed in a pull request where the report goes (or as a folder on
 * the way, below the working directory) would turn the write into one outside the checkout, such as over an agent
 * hook. Such a target is refused with the link named; it is not replaced either, since the link may be the
 * user's own. Temporary files are named {@code .NAME.bklint-HEX.tmp}; one left by a killed run is removed by the
 * next write of the same report once it is {@value #STALE_MINUTES} minutes old.
 */
public final class ReportFile {
    static final long STALE_MINUTES = 10;
    private static final String TEMP_MARK = ".bklint-";

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
        Path file = target.toAbsolutePath().normalize();
        Path link = linkOnTheWay(file);
        if (link != null) {
            throw new WriteError(what + (link.equals(file) ? "it is" : link + " is") + " a symbolic link; bklint does "
                    + "not write through links (remove the link, or name the file it points to)");
        }
        if (Files.isDirectory(file)) {
            throw new WriteError(what + "it is a directory");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new WriteError(what + "permission denied");
        }
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new WriteError(what + "cannot create directory " + dir + " (" + reason(e) + ")");
        }
        String name = file.getFileName().toString();
        removeStaleTemps(dir, name);
        Path temp;
        try {
            temp = createTemp(dir, name);
        } catch (IOException e) {
            throw new WriteError(what + "cannot create files in " + dir + " (" + reason(e) + ")");
        }
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
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
                    // the write failed and so does the clean-up: the next run removes it once stale
                }
            }
        }
    }

    /**
     * The first symbolic link the write would pass through: the file itself, or a folder between it and the
     * working directory (what a checkout can plant). Folders above the working directory are the invoker's.
     */
    static Path linkOnTheWay(Path file) {
        if (Files.isSymbolicLink(file)) {
            return file;
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        for (Path p = file.getParent(); p != null && p.startsWith(cwd) && !p.equals(cwd); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                return p;
            }
        }
        return null;
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

    /** A new temporary file beside the target; CREATE_NEW (O_EXCL) never follows a link nor reuses a file. */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve(tempName(name, ThreadLocalRandom.current().nextLong()));
            try {
                return Files.createFile(temp); // not createTempFile: that forces mode 0600 on the report
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw e;
                }
            }
        }
    }

    static String tempName(String name, long random) {
        return "." + name + TEMP_MARK + String.format("%016x", random) + ".tmp";
    }

    /** True for a name {@link #tempName} gives for this report. */
    static boolean isTempOf(String candidate, String name) {
        String prefix = "." + name + TEMP_MARK;
        if (!candidate.startsWith(prefix) || !candidate.endsWith(".tmp")
                || candidate.length() != prefix.length() + 16 + 4) {
            return false;
        }
        for (int i = prefix.length(); i < prefix.length() + 16; i++) {
            if (Character.digit(candidate.charAt(i), 16) < 0 || Character.isUpperCase(candidate.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Removes this report's temporary files that a killed run left: only names of our own pattern, only regular
     * files (a link of that name is left alone, never followed), only when older than {@value #STALE_MINUTES}
     * minutes (a run still writing is younger).
     */
    private static void removeStaleTemps(Path dir, String name) {
        FileTime cutoff = FileTime.from(Instant.now().minus(Duration.ofMinutes(STALE_MINUTES)));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> isTempOf(p.getFileName().toString(), name))) {
            for (Path p : entries) {
                BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attrs.isRegularFile() && attrs.lastModifiedTime().compareTo(cutoff) < 0) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // clean-up is a courtesy: a folder we cannot list or a file we cannot remove does not stop the report
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
