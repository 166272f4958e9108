package dev.bklint.buildkit;

import static dev.bklint.TestPipelines.pod;
import static dev.bklint.TestPipelines.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.kubernetes.EffectivePod;
import dev.bklint.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModeInferenceTest {

    private static BuildkitStep analyze(String yaml) {
        EffectivePod pod = pod(yaml);
        return BuildkitAnalyzer.analyze(pod.step(), pod);
    }

    /** The only container of the step that starts buildkitd. */
    private static BuildkitContainer daemon(String yaml) {
        BuildkitStep step = analyze(yaml);
        assertNotNull(step, "not seen as a BuildKit step");
        List<BuildkitContainer> daemons = step.daemons();
        assertEquals(1, daemons.size(), "daemons");
        return daemons.get(0);
    }

    private static Evidence evidence(BuildkitContainer c, String signal) {
        return c.evidence().stream().filter(e -> e.signal().equals(signal)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + signal + " evidence in " + c.evidence()));
    }

    private static String build(String image, String securityContext) {
        return """
                steps:
                  - label: build
                    command: buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=. --local dockerfile=.
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - name: builder
                                image: %s
                %s""".formatted(image, securityContext.indent(16));
    }

    @Test
    void rootfulImageWithPrivilegedIsPrivileged() {
        BuildkitContainer c = daemon(build("moby/buildkit:v0.20.0", """
                securityContext:
                  privileged: true
                """));
        assertEquals(Mode.PRIVILEGED, c.mode());
        assertEquals(ImageFlavor.ROOTFUL, c.flavor());
        assertEquals("builder", c.name());
        assertEquals("buildctl-daemonless.sh", c.daemon().how());
        assertEquals(span(3, 14, 3, 36), c.daemon().span());
        assertEquals(span(9, 24, 9, 45), evidence(c, "image").span());
        assertEquals(span(11, 31, 11, 35), evidence(c, "privileged").span());
        assertEquals(List.of(), c.missingSignals());
        assertEquals(StateDir.ROOTFUL, c.stateDir().path());
        assertTrue(c.stateDir().isDefault());
    }

    @Test
    void rootfulImageInAUserNamespaceIsUserns() {
        BuildkitContainer c = daemon("""
                steps:
                  - command: buildctl-daemonless.sh build --frontend dockerfile.v0
                    plugins:
                      - kubernetes:
                          podSpec:
                            hostUsers: false
                            containers:
                              - image: moby/buildkit:v0.20.0
                                securityContext:
                                  privileged: true
                """);
        assertEquals(Mode.USERNS, c.mode());
        assertEquals(span(6, 24, 6, 29), evidence(c, "hostUsers").span());
        assertEquals(10, evidence(c, "privileged").span().line());
    }

    @Test
    void rootlessTagIsRootless() {
        BuildkitContainer c = daemon(build("moby/buildkit:v0.20.0-rootless", """
                securityContext:
                  runAsUser: 1000
                """));
        assertEquals(Mode.ROOTLESS, c.mode());
        assertEquals(ImageFlavor.ROOTLESS, c.flavor());
        assertFalse(c.sandboxDisabled());
        assertEquals("", c.flags().value());
        assertEquals(11, evidence(c, "runAsUser").span().line());
        assertEquals(StateDir.ROOTLESS_DEFAULT, c.stateDir().path());
        assertEquals("/home/user/.local/share/buildkit", c.stateDir().path());
        assertTrue(c.stateDir().isDefault());
    }

    @Test
    void sandboxFlagInTheContainerEnvIsRootlessStrict() {
        BuildkitContainer c = daemon(build("moby/buildkit:v0.20.0-rootless", """
                env:
                  - name: BUILDKITD_FLAGS
                    value: --oci-worker-no-process-sandbox
                """));
        assertEquals(Mode.ROOTLESS_STRICT, c.mode());
        assertTrue(c.sandboxDisabled());
        assertEquals("container env", c.flags().origin());
        assertEquals(span(12, 28, 12, 59), c.flags().span());
        assertEquals(span(12, 28, 12, 59), evidence(c, "sandbox").span());
    }

    @Test
    void sandboxFlagAsAnInlinePrefixAcrossAContinuationIsRootlessStrict() {
        BuildkitContainer c = daemon("""
                steps:
                  - command: |
                      echo building
                      BUILDKITD_FLAGS="--oci-worker-no-process-sandbox" buildctl-daemonless.sh build \\
                        --frontend dockerfile.v0 \\
                        --local context=. --local dockerfile=.
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - image: moby/buildkit:v0.20.0-rootless
                """);
        assertEquals(Mode.ROOTLESS_STRICT, c.mode());
        assertEquals("an inline prefix of the command", c.flags().origin());
        assertEquals(span(4, 7, 4, 56), c.flags().span());
        assertEquals(span(4, 57, 4, 79), c.daemon().span());
        assertEquals(1, c.invocations().size());
        assertTrue(c.invocations().get(0).command().isBuild());
    }

    @Test
    void sandboxFlagExportedEarlierInACommandsListIsRootlessStrict() {
        BuildkitContainer c = daemon("""
                steps:
                  - commands:
                      - echo building
                      - export BUILDKITD_FLAGS=--oci-worker-no-process-sandbox
                      - buildctl-daemonless.sh build --frontend dockerfile.v0
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - image: moby/buildkit:v0.20.0-rootless
                """);
        assertEquals(Mode.ROOTLESS_STRICT, c.mode());
        assertEquals("an `export` in the script", c.flags().origin());
        assertEquals(span(4, 16, 4, 63), c.flags().span());
        assertEquals(5, c.daemon().span().line());
    }

    @Test
    void digestOnlyImageWithANonRootUserIsInferredRootless() {
        BuildkitContainer c = daemon(build("moby/buildkit@sha256:" + "a".repeat(64), """
                securityContext:
                  runAsUser: 1000
                """));
        assertEquals(ImageFlavor.UNKNOWN, c.flavor());
        assertEquals(Mode.ROOTLESS, c.mode());
        assertEquals(span(11, 30, 11, 34), evidence(c, "runAsUser").span());
        assertTrue(evidence(c, "image").detail().contains("a digest does not tell the variant"));
        assertEquals(List.of(), c.missingSignals());
    }

    @Test
    void digestOnlyImageWithNoOtherSignalIsUnknown() {
        BuildkitContainer c = daemon(build("moby/buildkit@sha256:" + "a".repeat(64), ""));
        assertEquals(Mode.UNKNOWN, c.mode());
        assertFalse(c.missingSignals().isEmpty());
        assertTrue(c.missingSignals().contains("the image tag does not tell rootful from rootless"),
                c.missingSignals().toString());
        assertEquals(List.of("image"), c.evidence().stream().map(Evidence::signal).toList());
        assertNull(c.stateDir(), "no state directory without a mode");
    }

    @Test
    void cacheMountAtTheRootfulStateDirVotesPrivileged() {
        BuildkitContainer c = daemon(build("registry.example.com/buildkit@sha256:" + "b".repeat(64), """
                volumeMounts:
                  - name: state
                    mountPath: /var/lib/buildkit
                """));
        assertEquals(Mode.PRIVILEGED, c.mode());
        assertEquals(span(11, 21, 12, 49), evidence(c, "cache").span());
    }

    @Test
    void remoteBuildctlClientRunsNoDaemon() {
        BuildkitStep step = analyze("""
                steps:
                  - command: buildctl --addr tcp://buildkitd.buildkit.svc:1234 build --frontend dockerfile.v0
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - image: moby/buildkit:v0.20.0
                """);
        assertNotNull(step);
        assertEquals(1, step.containers().size());
        BuildkitContainer c = step.containers().get(0);
        assertFalse(c.runsDaemon());
        assertEquals(List.of(), step.daemons());
        assertEquals(1, c.invocations().size());
        Invocation inv = c.invocations().get(0);
        assertEquals(Launcher.BUILDCTL, inv.command().launcher());
        assertEquals(span(2, 14, 2, 22), inv.span(inv.command().programWord()));
        assertNull(c.stateDir());
        assertNull(c.flags());
    }

    @Test
    void dockerBuildsAreNotBuildkitSteps() {
        for (String command : List.of("docker build -t app .", "docker buildx build -t app .",
                "DOCKER_BUILDKIT=1 docker build .")) {
            EffectivePod pod = pod("""
                    steps:
                      - command: %s
                        image: docker:27-cli
                        plugins:
                          - kubernetes:
                              sidecars:
                                - image: docker:27-dind
                                  command: [dockerd-entrypoint.sh]
                    """.formatted(command));
            assertNull(BuildkitAnalyzer.analyze(pod.step(), pod), command);
        }
    }

    @Test
    void xdgDataHomeMovesTheRootlessStateDir() {
        BuildkitContainer c = daemon(build("moby/buildkit:v0.20.0-rootless", """
                env:
                  - name: XDG_DATA_HOME
                    value: /data/
                """));
        assertEquals(Mode.ROOTLESS, c.mode());
        assertEquals("/data/buildkit", c.stateDir().path());
        assertFalse(c.stateDir().isDefault());
        assertEquals(span(12, 28, 12, 34), c.stateDir().span());
    }

    @Test
    void rootFlagInBuildkitdFlagsMovesTheStateDir() {
        BuildkitContainer c = daemon("""
                steps:
                  - command: buildctl-daemonless.sh build --frontend dockerfile.v0
                    env:
                      BUILDKITD_FLAGS: --oci-worker-no-process-sandbox --root /cache
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - image: moby/buildkit:v0.20.0-rootless
                """);
        assertEquals(Mode.ROOTLESS_STRICT, c.mode());
        assertEquals("step env", c.flags().origin());
        assertEquals("/cache", c.stateDir().path());
        assertTrue(c.stateDir().reason().contains("--root /cache"), c.stateDir().reason());
        assertEquals(span(4, 24, 4, 69), c.stateDir().span());
    }

    @Test
    void buildkitdStartedDirectlyTakesFlagsFromItsCommandLine() {
        BuildkitContainer c = daemon("""
                steps:
                  - command: |
                      buildkitd --root=/cache --addr unix:///run/buildkit/buildkitd.sock &
                      buildctl build --frontend dockerfile.v0
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - image: moby/buildkit:v0.20.0
                                securityContext:
                                  privileged: true
                """);
        assertEquals(Mode.PRIVILEGED, c.mode());
        assertEquals("buildkitd", c.daemon().how());
        assertEquals("the buildkitd command line", c.flags().origin());
        assertEquals("/cache", c.stateDir().path());
        Span flags = c.flags().span();
        assertEquals(span(3, 17, 3, 73), flags);
    }

    @Test
    void sandboxFlagInASidecarExecCommandIsRootlessStrict() {
        BuildkitStep step = analyze("""
                steps:
                  - command: buildctl --addr tcp://localhost:1234 build --frontend dockerfile.v0
                    plugins:
                      - kubernetes:
                          sidecars:
                            - image: moby/buildkit:v0.20.0-rootless
                              command: [rootlesskit, buildkitd, --oci-worker-no-process-sandbox, --addr, "tcp://0.0.0.0:1234"]
                """);
        BuildkitContainer c = step.daemons().get(0);
        assertEquals("sidecar-0", c.name());
        assertEquals(Mode.ROOTLESS_STRICT, c.mode());
    }

    @Test
    void buildkitSidecarStartedByItsEntrypointRunsTheDaemon() {
        BuildkitStep step = analyze("""
                steps:
                  - command: buildctl --addr tcp://localhost:1234 build --frontend dockerfile.v0
                    plugins:
                      - kubernetes:
                          sidecars:
                            - image: moby/buildkit:v0.20.0-rootless
                              args: [--oci-worker-no-process-sandbox, --addr, "tcp://0.0.0.0:1234"]
                """);
        assertNotNull(step);
        assertEquals(1, step.daemons().size(), "daemons");
        BuildkitContainer c = step.daemons().get(0);
        assertTrue(c.daemon().viaEntrypoint());
        assertEquals(Mode.ROOTLESS_STRICT, c.mode());
    }
}
