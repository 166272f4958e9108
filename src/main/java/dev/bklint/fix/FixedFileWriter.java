package dev.bklint.fix;

import dev.bklint.report.ReportFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Writes a fixed pipeline over the file it was read from, the way reports are written ({@link ReportFile}): a
 * temporary file in the same folder renamed over it, the file's permissions kept, never through a symbolic link.
 * The byte-order mark the reader dropped is put back. A file that changed since it was linted is left alone, so an
 * editor's save in between is not lost.
 */
public final class FixedFileWriter {
    private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private FixedFileWriter() {
    }

    /** A fixed file that was not written, with a one-line reason. */
    public static final class NotWritten extends Exception {
        NotWritten(String message) {
            super(message);
        }
    }

    public static void write(Path file, String linted, String fixed) throws NotWritten {
        byte[] now;
        try {
            if (Files.isSymbolicLink(file)) {
                throw new NotWritten(file + ": not fixed: it is a symbolic link; bklint does not write through links "
                        + "(name the file it points to)");
            }
            now = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new NotWritten(file + ": not fixed: cannot read it again (" + e.getMessage() + ")");
        }
        boolean bom = startsWithBom(now);
        String text = new String(now, bom ? 3 : 0, now.length - (bom ? 3 : 0), StandardCharsets.UTF_8);
        if (!text.equals(linted) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotWritten(file + ": not fixed: it changed while bklint was fixing it");
        }
        try {
            ReportFile.write(file, (bom ? "\uFEFF" : "") + fixed);
        } catch (ReportFile.WriteError e) {
            throw new NotWritten(file + ": not fixed: " + e.getMessage());
        }
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }
}
