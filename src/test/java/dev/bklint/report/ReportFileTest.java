package dev.bklint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files are written whole or not at all. */
class ReportFileTest {
    @Test
    void writesANewFileAndItsMissingDirectories(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("reports/ci/bklint.sarif");
        ReportFile.write(target, "{}\n");
        assertEquals("{}\n", Files.readString(target));
        assertEquals(List.of(target), listAll(dir));
    }

    @Test
    void replacesAnExistingFileAndKeepsItsPermissions(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("report.xml");
        Files.writeString(target, "old report, longer than the new one\n");
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(target, mode);
        ReportFile.write(target, "new\n");
        assertEquals("new\n", Files.readString(target));
        assertEquals(mode, Files.getPosixFilePermissions(target));
        assertEquals(List.of(target), listAll(dir), "no temporary file is left behind");
    }

    @Test
    void aNewFileGetsTheUsualPermissionsNotThoseOfATemporaryFile(@TempDir Path dir) throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path target = dir.resolve("bklint.sarif");
        ReportFile.write(target, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }

    @Test
    void writesThroughASymbolicLink(@TempDir Path dir) throws Exception {
        Path real = dir.resolve("real.txt");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
        ReportFile.write(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void aDirectoryInTheWayIsAnError(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectory(dir.resolve("bklint.sarif"));
        ReportFile.WriteError e = assertThrows(ReportFile.WriteError.class, () -> ReportFile.write(target, "x"));
        assertEquals("cannot write " + target + ": it is a directory", e.getMessage());
    }

    @Test
    void aFileWhereADirectoryShouldBeIsAnErrorAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("reports"), "a file, not a folder");
        Path target = blocker.resolve("bklint.sarif");
        ReportFile.WriteError e = assertThrows(ReportFile.WriteError.class, () -> ReportFile.write(target, "x"));
        assertTrue(e.getMessage().startsWith("cannot write " + target + ": cannot create directory "), e.getMessage());
        assertEquals(List.of(blocker), listAll(dir));
        assertEquals("a file, not a folder", Files.readString(blocker));
    }

    @Test
    void anUnwritableDirectoryKeepsTheOldReportIntact(@TempDir Path dir) throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Path target = locked.resolve("bklint.sarif");
        Files.writeString(target, "the previous report");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(canCreateIn(locked), "running as root: permissions do not stop us");
            ReportFile.WriteError e = assertThrows(ReportFile.WriteError.class,
                    () -> ReportFile.write(target, "a new report"));
            assertEquals("cannot write " + target + ": cannot create files in " + locked + " (permission denied)",
                    e.getMessage());
            assertEquals("the previous report", Files.readString(target));
            assertEquals(List.of(target), listAll(locked));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static boolean canCreateIn(Path dir) {
        try {
            Files.delete(Files.createFile(dir.resolve(".probe")));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> listAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
