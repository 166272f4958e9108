package dev.bklint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void refusesToWriteThroughASymbolicLink(@TempDir Path dir) throws Exception {
        Path real = dir.resolve("real.txt");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
        ReportFile.WriteError e = assertThrows(ReportFile.WriteError.class, () -> ReportFile.write(link, "new"));
        assertEquals("cannot write " + link + ": it is a symbolic link; bklint does not write through links "
                + "(remove the link, or name the file it points to)", e.getMessage());
        assertTrue(Files.isSymbolicLink(link), "the link is left as it was");
        assertEquals("old", Files.readString(real));
        assertEquals(List.of(link, real), listAll(dir), "no temporary file is left behind");
    }

    @Test
    void removesOnlyItsOwnStaleTemporaryFiles(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("bklint.sarif");
        Path stale = Files.writeString(dir.resolve(ReportFile.tempName("bklint.sarif", 0x1234L)), "killed run");
        Path fresh = Files.writeString(dir.resolve(ReportFile.tempName("bklint.sarif", 0x5678L)), "running");
        Path otherReport = Files.writeString(dir.resolve(ReportFile.tempName("other.sarif", 0x1234L)), "x");
        Path lookAlike = Files.writeString(dir.resolve(".bklint.sarif.bklint-notahexnumber!!.tmp"), "x");
        Path outside = Files.writeString(Files.createDirectory(dir.resolve("elsewhere")).resolve("keep"), "x");
        Path staleLink = Files.createSymbolicLink(dir.resolve(ReportFile.tempName("bklint.sarif", 0x9abcL)), outside);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofMinutes(ReportFile.STALE_MINUTES + 5)));
        for (Path p : List.of(stale, otherReport, lookAlike, outside)) {
            Files.setLastModifiedTime(p, old);
        }
        ReportFile.write(target, "{}\n");
        assertFalse(Files.exists(stale), "a stale temporary file of this report is removed");
        assertTrue(Files.exists(fresh), "one younger than the limit may belong to a run still writing");
        assertTrue(Files.exists(otherReport) && Files.exists(lookAlike) && Files.exists(outside));
        assertTrue(Files.isSymbolicLink(staleLink), "a link with the name is neither followed nor removed");
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
