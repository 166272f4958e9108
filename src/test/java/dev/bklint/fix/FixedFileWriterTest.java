package dev.bklint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixedFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void aFileChangedSinceItWasLintedIsLeftAlone() throws Exception {
        Path file = dir.resolve("p.yml");
        Files.writeString(file, "a: 2\n");
        var e = assertThrows(FixedFileWriter.NotWritten.class, () -> FixedFileWriter.write(file, "a: 1\n", "a: 3\n"));
        assertEquals(file + ": not fixed: it changed while bklint was fixing it", e.getMessage());
        assertEquals("a: 2\n", Files.readString(file));
    }

    @Test
    void theByteOrderMarkIsKeptAndNoTemporaryFileIsLeft() throws Exception {
        Path file = dir.resolve("p.yml");
        Files.write(file, "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_8));
        FixedFileWriter.write(file, "a: 1\n", "a: 3\n");
        assertEquals("\uFEFFa: 3\n", new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aLinkIsNotWrittenThrough() throws Exception {
        Path target = dir.resolve("real.yml");
        Files.writeString(target, "a: 1\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.yml"), target);
        var e = assertThrows(FixedFileWriter.NotWritten.class, () -> FixedFileWriter.write(link, "a: 1\n", "a: 3\n"));
        assertTrue(e.getMessage().startsWith(link + ": not fixed: it is a symbolic link"), e.getMessage());
        assertEquals("a: 1\n", Files.readString(target));
        assertTrue(Files.isSymbolicLink(link));
    }
}
