package dev.bklint.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a file or stdin as strict UTF-8 text, refusing binary, oversized and undecodable input with a reason. */
public final class SourceReader {
    /** Larger than any pipeline Buildkite would accept; bigger input is refused, not parsed for minutes. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private SourceReader() {
    }

    public static SourceFile read(Path path, String displayName) throws InputError {
        if (Files.isDirectory(path)) {
            throw new InputError(displayName + ": is a directory with no pipeline files");
        }
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new InputError(displayName + ": file is " + size / (1024 * 1024) + " MiB, over the "
                        + MAX_BYTES / (1024 * 1024) + " MiB limit");
            }
            return decode(Files.readAllBytes(path), displayName);
        } catch (NoSuchFileException e) {
            throw new InputError(displayName + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputError(displayName + ": permission denied");
        } catch (IOException e) {
            throw new InputError(displayName + ": cannot read (" + e.getMessage() + ")");
        }
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
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length - 1;
    }
}
