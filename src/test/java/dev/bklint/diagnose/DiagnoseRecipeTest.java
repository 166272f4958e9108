package dev.bklint.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two Buildkite recipes of docs/diagnose-in-buildkite.md, run as a Buildkite step would run them: the real
 * scripts in tools/buildkite, bklint from this build, a fake {@code buildkite-agent} on PATH that records what it is
 * asked, and (for the REST API recipe) a local HTTP server in place of api.buildkite.com.
 */
class DiagnoseRecipeTest {
    private static final Path LOG = Path.of("fixtures/diagnose/s08-buildkit-tools-not-found.log");
    private static final Path PIPELINE = Path.of("fixtures/diagnose/s08-buildkit-tools-not-found.pipeline.yml");
    private static final String JOB = "0190b2a4-7c1e-4e1b-9a53-1f0e2d3c4b5a";
    private static final String SELF = "0190b2a4-0000-4e1b-9a53-1f0e2d3c4b5a";

    /** A fake buildkite-agent: records its arguments; annotates into a file; answers step get and artifact download. */
    private static Path fakeAgent(Path dir, String outcome) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path agent = bin.resolve("buildkite-agent");
        Files.writeString(agent, """
                #!/bin/sh
                printf '%s\\n' "$*" >> "$RECORD/agent-calls"
                case "$1 $2" in
                  "annotate "*) cat >> "$RECORD/annotation.md" ;;
                  "step get") echo "$OUTCOME" ;;
                  "artifact download") cp "$ARTIFACT" "$4/$3" ;;
                esac
                """.replace("$OUTCOME", outcome));
        Path bklint = bin.resolve("bklint");
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.writeString(bklint, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' dev.bklint.cli.Main \"$@\"\n");
        for (Path p : List.of(agent, bklint)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    private record Ran(int exit, String output) {
    }

    private static Ran run(Path dir, Path bin, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        pb.environment().put("RECORD", dir.toString());
        pb.environment().remove("BUILDKITE_API_TOKEN");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the script did not finish");
        return new Ran(p.exitValue(), out);
    }

    private static Path project(Path dir) throws IOException {
        Path buildkite = Files.createDirectories(dir.resolve(".buildkite"));
        Files.copy(PIPELINE, buildkite.resolve("pipeline.yml"));
        return dir;
    }

    private static String script(String name) {
        return Path.of("tools/buildkite", name).toAbsolutePath().toString();
    }

    @Test
    void restApiRecipeDiagnosesEachFailedCommandJobButItselfAndAnnotates(@TempDir Path dir) throws Exception {
        assumeTrue(new File("/usr/bin/curl").canExecute() && new File("/usr/bin/jq").canExecute(), "curl and jq");
        Path bin = fakeAgent(project(dir), "hard_failed");
        List<String> requests = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String build = "/v2/organizations/acme/pipelines/web/builds/42";
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            if (path.equals(build)) {
                reply(exchange, 200, """
                        {"number": 42, "state": "failing", "jobs": [
                          {"id": "%s", "type": "script", "state": "failed", "step_key": "image"},
                          {"id": "0190b2a4-1111-4e1b-9a53-1f0e2d3c4b5a", "type": "script", "state": "passed", "step_key": "test"},
                          {"id": "0190b2a4-2222-4e1b-9a53-1f0e2d3c4b5a", "type": "waiter"},
                          {"id": "%s", "type": "script", "state": "failed", "step_key": "diagnose"}
                        ]}""".formatted(JOB, SELF));
            } else if (path.equals(build + "/jobs/" + JOB + "/log.txt")) {
                reply(exchange, 200, Files.readString(LOG));
            } else {
                reply(exchange, 404, "{}");
            }
        });
        server.start();
        try {
            Ran ran = run(dir, bin, Map.of(
                    "BUILDKITE_API_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v2",
                    "BUILDKITE_API_TOKEN", "t0k3n", "BUILDKITE_ORGANIZATION_SLUG", "acme",
                    "BUILDKITE_PIPELINE_SLUG", "web", "BUILDKITE_BUILD_NUMBER", "42", "BUILDKITE_JOB_ID", SELF),
                    "bash", script("diagnose-failed-jobs.sh"));
            assertEquals(0, ran.exit(), ran.output());
        } finally {
            server.stop(0);
        }
        assertEquals(List.of("GET " + build + " Bearer t0k3n", "GET " + build + "/jobs/" + JOB + "/log.txt Bearer t0k3n"),
                requests, "the build, then the one failed job's raw log, with the token");
        assertEquals("annotate --style error --context bklint-diagnose-" + JOB + "\n",
                Files.readString(dir.resolve("agent-calls")));
        String annotation = Files.readString(dir.resolve("annotation.md"));
        assertTrue(annotation.contains("**buildkit-tools-missing**"), annotation);
        assertTrue(annotation.contains("(BK107)"), "the pipeline line found through --pipeline: " + annotation);
    }

    @Test
    void restApiRecipeWithoutTokenSaysWhichScopesItNeeds(@TempDir Path dir) throws Exception {
        Path bin = fakeAgent(dir, "hard_failed");
        Ran ran = run(dir, bin, Map.of(), "bash", script("diagnose-failed-jobs.sh"));
        assertTrue(ran.exit() != 0);
        assertTrue(ran.output().contains("read_builds and read_build_logs"), ran.output());
        assertFalse(Files.exists(dir.resolve("agent-calls")), "nothing was annotated");
    }

    @Test
    void artifactRecipeDiagnosesTheSavedLogOfAFailedStep(@TempDir Path dir) throws Exception {
        Path bin = fakeAgent(project(dir), "hard_failed");
        Ran ran = run(dir, bin, Map.of("ARTIFACT", LOG.toAbsolutePath().toString()), "bash",
                script("diagnose-artifact.sh"), "image");
        assertEquals(0, ran.exit(), ran.output());
        List<String> calls = Files.readAllLines(dir.resolve("agent-calls"));
        assertEquals("step get outcome --step image", calls.get(0));
        assertTrue(calls.get(1).startsWith("artifact download build.log "), calls.get(1));
        assertEquals("annotate --style error --context bklint-diagnose-image", calls.get(2));
        String annotation = Files.readString(dir.resolve("annotation.md"));
        assertTrue(annotation.contains("**buildkit-tools-missing**") && annotation.contains("(BK107)"), annotation);
    }

    @Test
    void artifactRecipeDoesNothingWhenTheStepPassed(@TempDir Path dir) throws Exception {
        Path bin = fakeAgent(dir, "passed");
        Ran ran = run(dir, bin, Map.of(), "bash", script("diagnose-artifact.sh"), "image");
        assertEquals(0, ran.exit(), ran.output());
        assertEquals(List.of("step get outcome --step image"), Files.readAllLines(dir.resolve("agent-calls")));
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
