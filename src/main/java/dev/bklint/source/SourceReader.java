package dev.bklint.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way bklint reads a file: only a regular file (never a device, FIFO or socket, which could block or never
 * end), its size checked before it is opened and at most the cap read, optionally only when its real path (links
 * followed) lies inside a given folder. Text is strict UTF-8; binary, oversized and undecodable input is refused
 * with a reason.
 */
public final class SourceReader {
    /** Larger than any pipeline Buildkite would accept; bigger input is refused, not parsed for minutes. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private SourceReader() {
    }

    /** A file the invoker named: it may be anywhere, but must be a regular file within the size limit. */
    public static SourceFile read(Path path, String displayName) throws InputError {
        return decode(readBytes(path, null, MAX_BYTES, displayName), displayName);
    }

    /** A file found or named by the scanned content: read only when its real path is inside {@code root}. */
    public static SourceFile readInside(Path path, Path root, String displayName) throws InputError {
        return readInside(path, root, MAX_BYTES, displayName);
    }

    /** As {@link #readInside(Path, Path, String)}, with a smaller cap of {@code cap} bytes. */
    public static SourceFile readInside(Path path, Path root, long cap, String displayName) throws InputError {
        return decode(readBytes(path, root, cap, displayName), displayName);
    }

    /**
     * At most {@code cap} bytes of a regular file, checked before anything is opened; when {@code root} is not null
     * the file's real path must lie inside the real path of {@code root}.
     */
    private static byte[] readBytes(Path path, Path root, long cap, String displayName) throws InputError {
        try {
            // Follows links: the attributes of what would be read. A FIFO or device is refused before open(),
            // which could block (a FIFO without writer, a terminal) or never reach end of file (/dev/zero).
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            if (attrs.isDirectory()) {
                throw new InputError(displayName + ": is a directory, not a file");
            }
            if (!attrs.isRegularFile()) {
                throw new InputError(displayName + ": not a regular file (a device, FIFO or socket); bklint reads "
                        + "only regular files, and standard input as -");
            }
            if (attrs.size() > cap) {
                throw new InputError(displayName + ": file is " + sizeText(attrs.size()) + ", over the "
                        + sizeText(cap) + " limit");
            }
            Path real = path.toRealPath();
            if (root != null && !real.startsWith(realRoot(root))) {
                throw new InputError(displayName + ": " + outside(path));
            }
            // The real path has no link left to follow; the cap holds even if the file changed since the check.
            try (InputStream in = Files.newInputStream(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
                if (bytes.length > cap) {
                    throw new InputError(displayName + ": file is over the " + sizeText(cap) + " limit");
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new InputError(displayName + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputError(displayName + ": permission denied");
        } catch (FileSystemException e) {
            throw new InputError(displayName + ": cannot read (" + (e.getReason() != null ? e.getReason()
                    : e.getMessage()) + ")");
        } catch (IOException e) {
            throw new InputError(displayName + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** The reason a path whose real location is outside the checkout is not read. */
    static String outside(Path path) {
        return Files.isSymbolicLink(path) ? "a symbolic link to a file outside the project directory; not read "
                + "(a file named on the command line is read wherever it is)"
                : "resolves outside the project directory (through a symbolic link); not read";
    }

    /** The real path of a folder, or its normalised absolute path when it does not exist. */
    public static Path realRoot(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize();
        }
    }

    /**
     * The real path of the longest prefix of {@code path} that exists, with the rest appended as written: where
     * the path leads once every link on the way is followed, even when its last parts do not exist (yet).
     */
    public static Path realPrefix(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path rest = null;
        for (Path p = abs; p != null; p = p.getParent()) {
            try {
                Path real = p.toRealPath();
                return rest == null ? real : real.resolve(rest).normalize();
            } catch (IOException e) {
                Path name = p.getFileName();
                if (name == null) {
                    break;
                }
                rest = rest == null ? name : name.resolve(rest);
            }
        }
        return abs;
    }

    private static String sizeText(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MiB" : bytes >= 1024 ? bytes / 1024 + " KiB"
                : bytes + " bytes";
    }

    public static SourceFile read(InputStream in, String displayName) throws InputError {
        try {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InputError(displayName + ": input is over the " + MAX_BYTES / (1024 * 1024) + " MiB limit");
            }
            return decode(bytes, displayName);
        } catch (IOException e) {
            throw new InputError(displayName + ": cannot read (" + e.getMessage() + ")");
        }
    }
    static SourceFile decode(byte[] bytes, String name) throws InputError {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new InputError(name + ": binary file (NUL byte at offset " + i + "), not a pipeline");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalid(bytes);
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            SourceFile partial = new SourceFile(name, before);
            int line = partial.lineOf(before.length());
            throw new InputError(name + ":" + line + ":" + partial.columnOf(before.length())
                    + ": not UTF-8 text (invalid byte 0x" + String.format("%02x", bytes[bad] & 0xff) + ")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new SourceFile(name, text);
    }

    /** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
    private static int firstInvalid(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length - 1;
    }
}
