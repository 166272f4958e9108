package dev.bklint.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import dev.bklint.source.Glob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request controls the checkout bklint scans: its files, links, configuration and git settings. None of it
 * may make bklint read or write outside the checkout, block on a special file, run a program, or spend more than
 * linear time on a pattern. Each test plants one escape and asserts that nothing leaked (the planted secret is
 * absent from every output) and that the answer is the documented one (docs/bad-input.md).
 */
class FilesHostileTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final String SECRET = "SECRET-TOKEN-4711";
    private static final String PIPELINE = "steps:\n  - command: make\n";

    @TempDir
    Path dir;
    /** The checkout a pull request controls. */
    private Path repo;
    /** Files elsewhere on the CI machine. */
    private Path outside;

    @BeforeEach
    void layout() throws IOException {
        repo = Files.createDirectories(dir.resolve("repo/.buildkite")).getParent();
        outside = Files.createDirectories(dir.resolve("home"));
        Files.writeString(outside.resolve("id_rsa"), SECRET + ": private key\n");
        Files.writeString(repo.resolve(".buildkite/pipeline.yml"), PIPELINE);
    }

    // --- reading: links, .. and absolute paths ---------------------------------------------------------------

    @Test
    void aLinkOutOfTheCheckoutFoundInADirectoryIsRefused() throws IOException {
        Files.createSymbolicLink(repo.resolve(".buildkite/keys.yml"), outside.resolve("id_rsa"));
        for (String format : List.of("text", "sarif", "json")) {
            Run run = lint("--format", format, repo.resolve(".buildkite").toString());
            assertEquals(2, run.exit(), run.err());
            assertEquals("bklint: " + repo.resolve(".buildkite/keys.yml") + ": a symbolic link to a file outside the "
                    + "project directory; not read (a file named on the command line is read wherever it is)\n", run.err());
            assertFalse((run.out() + run.err()).contains(SECRET), run.out());
        }
    }

    @Test
    void aLinkOutOfTheCheckoutFoundWithoutArgumentsIsRefused() throws Exception {
        Files.createSymbolicLink(repo.resolve("buildkite.yml"), outside.resolve("id_rsa"));
        Files.createSymbolicLink(repo.resolve(".buildkite/keys.yml"), outside.resolve("id_rsa"));
        Process run = runIn(repo, List.of("--format", "sarif"));
        String out = output(run);
        assertEquals(2, run.exitValue(), out);
        assertTrue(out.contains("bklint: buildkite.yml: a symbolic link to a file outside the project directory"), out);
        assertTrue(out.contains("bklint: .buildkite/keys.yml: a symbolic link to a file outside"), out);
        assertFalse(out.contains(SECRET), out);
    }

    @Test
    void aLinkInsideTheCheckoutIsFollowed() throws IOException {
        Files.createDirectories(repo.resolve("ci"));
        Files.writeString(repo.resolve("ci/shared.yml"), "steps:\n  - command: " + SECRET + "\n");
        Files.createSymbolicLink(repo.resolve(".buildkite/shared.yml"), Path.of("../ci/shared.yml"));
        Run run = lint(repo.resolve(".buildkite").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("No findings in 2 files."), run.out());
    }

    @Test
    void aLinkNamedOnTheCommandLineIsReadWhereverItLeads() throws IOException {
        Path named = Files.createSymbolicLink(repo.resolve("elsewhere.yml"), outside.resolve("id_rsa"));
        Run run = lint(named.toString());
        assertTrue(run.exit() == 0 || run.exit() == 1, run.err()); // the invoker chose the file: it is read
        assertEquals("", run.err());
    }

    @Test
    void aDockerfileFolderLinkedOutOfTheCheckoutIsNotRead() throws IOException {
        Path dockerfiles = Files.createDirectories(outside.resolve("docker"));
        Files.writeString(dockerfiles.resolve("Dockerfile"), "FROM alpine AS " + SECRET.toLowerCase() + "\n");
        build("docker");
        Path inside = Files.createDirectories(repo.resolve("docker"));
        Files.writeString(inside.resolve("Dockerfile"), "FROM alpine AS instage\n");
        Run control = lint(repo.resolve(".buildkite/pipeline.yml").toString());
        assertTrue(control.out().contains("its stages are instage"), "the test reads a Dockerfile: " + control.out());

        Files.delete(inside.resolve("Dockerfile"));
        Files.delete(inside);
        Files.createSymbolicLink(repo.resolve("docker"), dockerfiles);
        Run run = lint(repo.resolve(".buildkite/pipeline.yml").toString());
        assertFalse(run.out().toLowerCase().contains(SECRET.toLowerCase()), run.out());
        assertTrue(run.out().contains("warning[BK412 dockerfile-not-found] bklint did not read the Dockerfile "
                + "`docker/Dockerfile` (from `dockerfile=docker`).\n"), run.out());
        assertTrue(run.out().contains("  why: The path leads out of the checkout through a symbolic link"), run.out());
    }

    @Test
    void aDockerfileLinkedOutOfTheCheckoutIsNotRead() throws IOException {
        Files.writeString(outside.resolve("Dockerfile"), "FROM alpine AS " + SECRET.toLowerCase() + "\n");
        Files.createDirectories(repo.resolve("docker"));
        Files.createSymbolicLink(repo.resolve("docker/Dockerfile"), outside.resolve("Dockerfile"));
        build("docker");
        Run run = lint(repo.resolve(".buildkite/pipeline.yml").toString());
        assertFalse(run.out().toLowerCase().contains(SECRET.toLowerCase()), run.out());
        assertTrue(run.out().contains("The path leads out of the checkout through a symbolic link"), run.out());
    }

    @Test
    void dotDotAndAbsoluteDockerfilePathsAreNotRead() throws IOException {
        Path dockerfiles = Files.createDirectories(outside.resolve("docker"));
        Files.writeString(dockerfiles.resolve("Dockerfile"), "FROM alpine AS " + SECRET.toLowerCase() + "\n");
        build("../home/docker");
        Run dotDot = lint(repo.resolve(".buildkite/pipeline.yml").toString());
        assertFalse(dotDot.out().toLowerCase().contains(SECRET.toLowerCase()), dotDot.out());
        assertTrue(dotDot.out().contains("info[BK412 dockerfile-not-found] bklint did not read the Dockerfile "
                + "`../home/docker/Dockerfile` (from `dockerfile=../home/docker`).\n"), dotDot.out());
        assertTrue(dotDot.out().contains("  why: The path climbs out of the checkout with `..`"), dotDot.out());
        build(dockerfiles.toString());
        Run absolute = lint(repo.resolve(".buildkite/pipeline.yml").toString());
        assertFalse(absolute.out().toLowerCase().contains(SECRET.toLowerCase()), absolute.out());
        assertFalse(absolute.out().contains("BK412"), "an absolute path names the build container: not judged");
    }

    /** A BuildKit step whose Dockerfile is {@code DIR/Dockerfile} and whose target stage does not exist. */
    private void build(String dockerfileDir) throws IOException {
        Files.writeString(repo.resolve(".buildkite/pipeline.yml"), """
                steps:
                  - label: build
                    command: |
                      buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=. \\
                        --local dockerfile=%s --opt target=nope --progress=plain \\
                        --output type=image,name=registry.example.com/app:1,push=false
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - name: main
                                image: moby/buildkit:v0.32.2
                                securityContext:
                                  privileged: true
                """.formatted(dockerfileDir));
    }

    // --- the configuration a pull request commits ---------------------------------------------------------------

    @Test
    void aCommittedControllerConfigOfDevZeroIsRefusedAtOnce() throws IOException {
        Path config = Files.writeString(repo.resolve(".bklint.yaml"), "controller-config: /dev/zero\n");
        Run run = assertTimeoutPreemptively(HANG_GUARD, () -> lint("--config", config.toString(),
                repo.resolve(".buildkite/pipeline.yml").toString()));
        assertEquals(2, run.exit(), run.err());
        assertEquals("bklint: configuration: " + config + ":1:20: `controller-config`: names a file outside " + repo
                + " (the repository that holds this configuration); a committed configuration may name only files "
                + "inside it (give --controller-config on the command line for a file elsewhere)\n", run.err());

        Files.createSymbolicLink(repo.resolve("values.yaml"), Path.of("/dev/zero"));
        Files.writeString(config, "controller-config: values.yaml\n");
        Run linked = assertTimeoutPreemptively(HANG_GUARD, () -> lint("--config", config.toString(),
                repo.resolve(".buildkite/pipeline.yml").toString()));
        assertEquals(2, linked.exit(), linked.err());
        assertTrue(linked.err().contains("`controller-config`: names a file outside"), linked.err());

        Files.writeString(config, "project-dir: ../home\n");
        Run project = lint("--config", config.toString(), repo.resolve(".buildkite/pipeline.yml").toString());
        assertEquals(2, project.exit(), project.err());
        assertTrue(project.err().contains(":1:14: `project-dir`: names a file outside"), project.err());
    }

    @Test
    void aControllerConfigNamedOnTheCommandLineMustBeARegularFile() {
        Run run = assertTimeoutPreemptively(HANG_GUARD, () -> lint("--controller-config", "/dev/zero",
                repo.resolve(".buildkite/pipeline.yml").toString()));
        assertEquals(2, run.exit(), run.err());
        assertEquals("bklint: --controller-config: /dev/zero: not a regular file (a device, FIFO or socket); bklint "
                + "reads only regular files, and standard input as -\n", run.err());
    }

    @Test
    void aFoundConfigurationLinkedOutOfTheRepositoryIsRefused() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        Files.createSymbolicLink(repo.resolve(".bklint.yaml"), outside.resolve("id_rsa"));
        Process run = runIn(repo, List.of(".buildkite/pipeline.yml"));
        String out = output(run);
        assertEquals(2, run.exitValue(), out);
        assertTrue(out.contains(".bklint.yaml: a symbolic link to a file outside the project directory"), out);
        assertFalse(out.contains(SECRET), out);
    }

    // --- special files: devices, FIFOs, /dev/stdin ---------------------------------------------------------------

    @Test
    void devStdinAsAPathIsRefusedNotWaitedOn() throws Exception {
        Path linked = Files.createSymbolicLink(repo.resolve("stdin.yml"), Path.of("/dev/stdin"));
        for (List<String> args : List.of(List.of("/dev/stdin"), List.of(linked.toString()),
                List.of("--baseline", "/dev/stdin", ".buildkite/pipeline.yml"))) {
            Process run = runIn(repo, args); // its stdin is a pipe that stays open: reading it would block
            String out = output(run);
            assertEquals(2, run.exitValue(), args + ": " + out);
            assertTrue(out.contains("not a regular file (a device, FIFO or socket)"), out);
            assertEquals(1, out.lines().count(), out);
        }
    }

    @Test
    void fifosAreRefusedNotOpened() throws Exception {
        Path fifo = mkfifo(repo.resolve(".buildkite/pipe.yml"));
        Path baseline = mkfifo(repo.resolve("baseline.json"));
        Path config = mkfifo(repo.resolve("config.yaml"));
        String pipeline = repo.resolve(".buildkite/pipeline.yml").toString();
        List<List<String>> cases = List.of(List.of(fifo.toString()), List.of(repo.resolve(".buildkite").toString()),
                List.of("--baseline", baseline.toString(), pipeline), List.of("--config", config.toString(), pipeline),
                List.of("--controller-config", config.toString(), pipeline));
        for (List<String> args : cases) {
            Run run = assertTimeoutPreemptively(HANG_GUARD, () -> lint(args.toArray(new String[0])));
            assertEquals(2, run.exit(), args + ": " + run.err());
            assertTrue(run.err().contains("not a regular file (a device, FIFO or socket)"), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
        }
        Files.createDirectories(repo.resolve("docker"));
        mkfifo(repo.resolve("docker/Dockerfile"));
        build("docker");
        Run dockerfile = assertTimeoutPreemptively(HANG_GUARD, () -> lint(pipeline));
        assertTrue(dockerfile.out().contains("why: The path is not a regular file (a device, FIFO or socket)"),
                dockerfile.out());
    }

    private static Path mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "needs mkfifo");
        return path;
    }

    // --- writing reports ------------------------------------------------------------------------------------------

    @Test
    void aReportIsNeverWrittenThroughALink() throws Exception {
        Path hook = Files.writeString(outside.resolve("agent-hook"), "#!/bin/sh\necho original hook\n");
        Path link = Files.createSymbolicLink(repo.resolve("bklint.sarif"), hook);
        Run run = lint("--format", "sarif", "--output", link.toString(),
                repo.resolve(".buildkite/pipeline.yml").toString());
        assertEquals(2, run.exit(), run.err());
        assertEquals("bklint: cannot write " + link + ": it is a symbolic link; bklint does not write through links "
                + "(remove the link, or name the file it points to)\n", run.err());
        assertEquals("#!/bin/sh\necho original hook\n", Files.readString(hook));
        assertTrue(Files.isSymbolicLink(link));

        Run baseline = lint("--write-baseline", link.toString(), repo.resolve(".buildkite/pipeline.yml").toString());
        assertEquals(2, baseline.exit(), baseline.err());
        assertEquals("#!/bin/sh\necho original hook\n", Files.readString(hook));
    }

    @Test
    void aReportIsNeverWrittenThroughAFolderLinkBelowTheWorkingDirectory() throws Exception {
        Files.createSymbolicLink(repo.resolve("reports"), outside);
        Process run = runIn(repo, List.of("--format", "sarif", "--output", "reports/agent-hook",
                ".buildkite/pipeline.yml"));
        String out = output(run);
        assertEquals(2, run.exitValue(), out);
        assertTrue(out.contains("cannot write reports/agent-hook: " + repo.resolve("reports") + " is a symbolic link"),
                out);
        try (var files = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("id_rsa")), files.toList(), "nothing written outside");
        }
    }

    @Test
    void temporaryFilesOfAKilledRunAreRemovedByTheNext() throws IOException {
        Path stale = Files.writeString(repo.resolve(".bklint.sarif.bklint-00000000deadbeef.tmp"), "killed");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Run run = lint("--format", "sarif", "--output", repo.resolve("bklint.sarif").toString(),
                repo.resolve(".buildkite/pipeline.yml").toString());
        assertEquals(0, run.exit(), run.err());
        assertFalse(Files.exists(stale));
        assertTrue(Files.isRegularFile(repo.resolve("bklint.sarif")));
    }

    // --- git -------------------------------------------------------------------------------------------------------

    @Test
    void theRepositorysGitConfigRunsNothing() throws Exception {
        assumeTrue(git(repo, "init", "-q", ".") == 0, "needs git");
        Path marker = dir.resolve("ran");
        Path script = Files.writeString(dir.resolve("hook.sh"), "#!/bin/sh\ntouch " + marker + "\necho x\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String key : List.of("core.fsmonitor", "core.pager", "pager.ls-files", "core.sshCommand",
                "diff.external", "core.askPass", "credential.helper")) {
            assertEquals(0, git(repo, "config", key, script.toString()));
        }
        assertEquals(0, git(repo, "config", "core.hooksPath", dir.toString()));
        Files.setPosixFilePermissions(Files.copy(script, dir.resolve("post-index-change")),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(repo.resolve(".gitignore"), "ignored.yml\n");
        Files.writeString(repo.resolve(".buildkite/ignored.yml"), "steps: [\n");
        assertEquals(0, git(repo, "add", ".buildkite/pipeline.yml"));
        Files.deleteIfExists(marker);
        assertEquals(0, git(repo, "ls-files"));
        assumeTrue(Files.exists(marker), "this git runs core.fsmonitor for ls-files: the test can see a run");
        Files.delete(marker);

        Run run = lint(repo.resolve(".buildkite").toString());
        assertFalse(Files.exists(marker), "git ran a command the repository's config names");
        assertEquals(0, run.exit(), "the listing still comes from git (.gitignore honoured): " + run.out());
        assertTrue(run.out().contains("No findings in 1 file."), run.out());
    }

    private static int git(Path in, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", in.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    // --- globs -----------------------------------------------------------------------------------------------------

    /** {@code *a*a...*b} against a long name of {@code a}s: exponential for the JDK's glob regular expression. */
    @Test
    void anIgnoreGlobCannotBacktrack() throws IOException {
        String glob = "*a".repeat(15) + "*b";
        // The configuration beside the file: the glob sees the bare name, with no `/` to stop a regex early.
        Path config = Files.writeString(repo.resolve(".buildkite/.bklint.yaml"), "ignore:\n  - \"" + glob + "\"\n");
        Path longName = Files.writeString(repo.resolve(".buildkite/" + "a".repeat(200) + ".yml"), PIPELINE);
        Run run = assertTimeoutPreemptively(HANG_GUARD, () -> lint("--config", config.toString(),
                longName.toString()));
        assertEquals(0, run.exit(), run.err());

        long[] work = new long[3];
        int[] sizes = {10, 100, 1000};
        for (int k = 0; k < sizes.length; k++) {
            Glob hostile = Glob.compile("*a".repeat(sizes[k] / 4) + "*b"); // a pattern of about half the size
            String name = "a".repeat(sizes[k]);
            work[k] = assertTimeoutPreemptively(HANG_GUARD, () -> hostile.work(name));
            assertFalse(hostile.matches(name));
            assertTrue(work[k] <= (long) (sizes[k] + 1) * (sizes[k] + 2), "at most one step per state per character");
        }
        // For one pattern: at most one step per state (no more than its characters + 1) per character of the name,
        // and ten times the name is at most about ten times the work.
        Glob fixed = Glob.compile(glob);
        long[] byName = new long[3];
        for (int k = 0; k < sizes.length; k++) {
            byName[k] = fixed.work("a".repeat(sizes[k]));
            assertTrue(byName[k] <= (long) sizes[k] * (glob.length() + 1), sizes[k] + ": " + byName[k]);
        }
        assertTrue(byName[2] <= 12 * byName[1], "linear in the name: " + byName[1] + " vs " + byName[2]);
    }

    @Test
    void aBadGlobIsAPlainConfigurationError() throws IOException {
        Path config = Files.writeString(repo.resolve(".bklint.yaml"), "ignore:\n  BK102:\n    - \"ci/[z-a\"\n");
        Run run = lint("--config", config.toString(), repo.resolve(".buildkite/pipeline.yml").toString());
        assertEquals(2, run.exit(), run.err());
        assertEquals("bklint: configuration: " + config + ":3:7: `ignore.BK102`: not a valid glob: range `z-a` "
                + "runs backwards at character 7\n", run.err());
        Files.writeString(config, "ignore:\n  - \"" + "x".repeat(Glob.MAX_LENGTH + 1) + "\"\n");
        Run long_ = lint("--config", config.toString(), repo.resolve(".buildkite/pipeline.yml").toString());
        assertEquals(2, long_.exit(), long_.err());
        assertTrue(long_.err().endsWith("not a valid glob: the pattern is 1025 characters long, over the 1024 limit\n"),
                long_.err());
    }

    // --- the launcher ----------------------------------------------------------------------------------------------

    /**
     * A clone of bklint with stale sources under {@code above/}, and a fake JDK whose {@code java} logs its
     * arguments (Maven's own start included: the {@code mvn} script runs {@code $JAVA_HOME/bin/java}) and fails
     * Maven when asked to.
     */
    private Path clone(boolean mavenFails) throws IOException {
        Path clone = Files.createDirectories(dir.resolve("above/clone/src/main"));
        clone = clone.getParent().getParent();
        Files.copy(Path.of("bklint"), clone.resolve("bklint"));
        Files.writeString(clone.resolve("pom.xml"), "<project/>\n");
        Files.writeString(clone.resolve("src/main/Changed.java"), "class Changed {}\n");
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\" >> " + dir.resolve("java.log") + "\n"
                + (mavenFails ? "case \"$*\" in *classworlds*) echo '[ERROR] Failed to compile'; exit 1;; esac\n" : ""));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return clone;
    }

    /** The launcher is a bash script that builds with Maven: without them these tests cannot run. */
    private static void assumeBashAndMaven() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v mvn").start().waitFor() == 0, "needs mvn");
    }

    private Process launch(Path clone) throws Exception {
        return runLauncher(clone.resolve("bklint"));
    }

    private Process runLauncher(Path launcher) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", launcher.toString(), "x.yml")
                .redirectErrorStream(true).redirectOutput(dir.resolve("launcher.out").toFile());
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().put("BKLINT_NO_CACHE", "1");
        Process p = pb.start();
        assertTrue(p.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), "the launcher finished");
        return p;
    }

    @Test
    void theLaunchersBuildIgnoresADotMvnFolderAboveTheClone() throws Exception {
        assumeBashAndMaven();
        Path clone = clone(false);
        Path mvn = Files.createDirectories(dir.resolve("above/.mvn"));
        Files.writeString(mvn.resolve("jvm.config"), "-XX:+BklintNoSuchFlag -javaagent:/tmp/evil.jar\n");
        Files.writeString(mvn.resolve("maven.config"), "--bklint-no-such-option\n");
        Process p = launch(clone);
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("launcher.out")));
        String maven = Files.readAllLines(dir.resolve("java.log")).get(0);
        assertTrue(maven.contains("classworlds"), maven);
        assertFalse(maven.contains("BklintNoSuchFlag") || maven.contains("javaagent"), maven);
        assertTrue(maven.contains("-Dmaven.multiModuleProjectDirectory=" + clone + " "), "maven.config and "
                + "extensions.xml come from the clone's own .mvn: " + maven);
    }

    @Test
    void aLauncherReachedThroughLinksBuildsInItsCloneAndWritesNothingBesideTheLinks() throws Exception {
        assumeBashAndMaven();
        Path clone = clone(false);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("bklint"), clone.resolve("bklint"));
        Files.createSymbolicLink(dir.resolve("bklint-relative"), Path.of("bin/bklint")); // a link to a link
        Process p = runLauncher(dir.resolve("bklint-relative"));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("launcher.out")));
        String maven = Files.readAllLines(dir.resolve("java.log")).get(0);
        assertTrue(maven.contains("-Dmaven.multiModuleProjectDirectory=" + clone + " "), maven);
        assertFalse(Files.exists(bin.resolve("target")) || Files.exists(dir.resolve("target")),
                "nothing is built beside the links");
    }

    @Test
    void aCloneThatCannotBeRebuiltExitsTwoWithOneLine() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path clone = clone(false);
        Files.writeString(clone.resolve("target"), "not a folder: the tests run as root, so no read-only clone");
        Process p = launch(clone);
        String out = Files.readString(dir.resolve("launcher.out"));
        assertEquals(2, p.exitValue(), out);
        assertEquals("bklint: the sources are newer than target/bklint.jar, and " + clone.resolve("target")
                + " cannot be written to rebuild it (a read-only clone?)\n", out);
    }

    @Test
    void aFailedBuildExitsTwoNotThree() throws Exception {
        assumeBashAndMaven();
        Path clone = clone(true);
        Process p = launch(clone);
        String out = Files.readString(dir.resolve("launcher.out"));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.endsWith("bklint: building bklint failed: Failed to compile; full output in "
                + clone.resolve("target/build.log") + "\n"), out);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static Run lint(String... args) {
        List<String> all = new ArrayList<>(List.of("--color=never"));
        all.addAll(List.of(args));
        return assertTimeoutPreemptively(HANG_GUARD, () -> Fixtures.run(all.toArray(new String[0])));
    }

    /**
     * bklint in its own JVM, in {@code cwd} (discovery without arguments, paths relative to the checkout), with a
     * stdin pipe that is never closed: a read of stdin would block until the guard kills it.
     */
    private static Process runIn(Path cwd, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "dev.bklint.cli.Main", "--color=never"));
        command.addAll(args);
        Path log = Files.createTempFile("bklint-run", ".log");
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bklint " + args + " did not finish in " + HANG_GUARD);
        }
        OUTPUT.put(p, log);
        return p;
    }

    private static final java.util.Map<Process, Path> OUTPUT = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the process printed (standard output and error, interleaved). */
    private static String output(Process p) throws IOException {
        Path log = OUTPUT.remove(p);
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
