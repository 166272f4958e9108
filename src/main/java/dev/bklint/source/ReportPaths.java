package dev.bklint.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Paths as reports name them: relative to the repository root, forward slashes, and as URIs for SARIF. */
public final class ReportPaths {
    private ReportPaths() {
    }

    /** The nearest directory at or above {@code dir} that holds {@code .git} (a folder or a file), else {@code dir}. */
    public static Path repositoryRoot(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return start;
    }

    /**
     * {@code path} (as given on the command line, relative to {@code cwd} or absolute) relative to {@code root}
     * with forward slashes; null when it is outside {@code root} or not a file path (such as {@code <stdin>}).
     */
    public static String relativeTo(String path, Path cwd, Path root) {
        Path p;
        try {
            p = Path.of(path);
        } catch (InvalidPathException e) {
            return null;
        }
        Path abs = (p.isAbsolute() ? p : cwd.toAbsolutePath().resolve(p)).normalize();
        Path base = root.toAbsolutePath().normalize();
        if (!abs.startsWith(base) || abs.equals(base)) {
            return null;
        }
        return base.relativize(abs).toString().replace('\\', '/');
    }

    /** An absolute {@code file:} URI for a path outside the repository. */
    public static String fileUri(String path, Path cwd) {
        try {
            Path p = Path.of(path);
            return (p.isAbsolute() ? p : cwd.toAbsolutePath().resolve(p)).normalize().toUri().toASCIIString();
        } catch (InvalidPathException e) {
            return encode(path.replace('\\', '/'));
        }
    }

    /**
     * Percent-encodes a relative path for a URI reference: every byte but unreserved characters, sub-delimiters,
     * {@code @} and {@code /} (so a {@code :} cannot be read as a scheme).
     */
    public static String encode(String path) {
        StringBuilder b = new StringBuilder();
        for (byte raw : path.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=@/".indexOf(c) >= 0)) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
