package dev.bklint.rules.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleFindings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BK209 on the forms a daemon's flags take in a Buildkite step and in a manifest. */
class DaemonTcpWithoutMtlsTest {
    /** A step that starts buildkitd itself with {@code flags} and builds against it. */
    private static String step(String flags, String securityContext) {
        return """
                steps:
                  - label: build
                    timeout_in_minutes: 30
                    command: |
                      buildkitd %s &
                      buildctl --addr tcp://127.0.0.1:1234 build --frontend dockerfile.v0 --local context=. --local dockerfile=.
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - name: main
                                image: moby/buildkit:v0.32.2
                                securityContext:
                                  %s
                """.formatted(flags, securityContext);
    }

    private static List<Finding> bk209(String yaml) {
        return RuleFindings.of("BK209", yaml);
    }

    @Test
    void loopbackIsReachableFromRunSteps() {
        List<Finding> f = bk209(step("--addr tcp://127.0.0.1:1234", "privileged: true"));
        assertEquals(1, f.size(), f.toString());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertEquals(5, f.get(0).span().line()); // the address on the buildkitd line
        assertTrue(f.get(0).why().contains("loopback address keeps no build out"), f.get(0).why());
        assertTrue(f.get(0).why().contains("The container is privileged"), f.get(0).why());
    }

    @Test
    void serverTlsWithoutCaAuthenticatesNoClient() {
        List<Finding> f = bk209(step("--addr tcp://0.0.0.0:1234 --tlscert /c/cert.pem --tlskey /c/key.pem",
                "privileged: true"));
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).why().contains("no `--tlscacert`"), f.get(0).why());
    }

    @Test
    void mutualTlsIsSilent() {
        assertEquals(List.of(), bk209(step("--addr tcp://0.0.0.0:1234 --tlscacert /c/ca.pem --tlscert /c/cert.pem "
                + "--tlskey /c/key.pem", "privileged: true")));
    }

    @Test
    void aUnixSocketIsSilent() {
        assertEquals(List.of(), bk209(step("--addr unix:///run/buildkit/buildkitd.sock", "privileged: true")));
    }

    @Test
    void loopbackWithABridgeNetworkForRunIsSilent() {
        assertEquals(List.of(), bk209(step("--addr tcp://127.0.0.1:1234 --oci-worker-net=bridge",
                "privileged: true")));
        // a non-loopback listener is still reachable (from other pods, and from the bridge through the pod's IP)
        assertEquals(1, bk209(step("--addr tcp://0.0.0.0:1234 --oci-worker-net=bridge", "privileged: true")).size());
    }

    @Test
    void buildkitdFlagsOfTheDaemonlessScriptAddAListener() {
        String yaml = """
                steps:
                  - label: build
                    timeout_in_minutes: 30
                    command: buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=. --local dockerfile=.
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - name: main
                                image: moby/buildkit:v0.32.2
                                env:
                                  - name: BUILDKITD_FLAGS
                                    value: --addr tcp://0.0.0.0:1234
                                securityContext:
                                  privileged: true
                """;
        List<Finding> f = bk209(yaml);
        assertEquals(1, f.size(), f.toString());
        assertEquals(13, f.get(0).span().line());
    }

    @Test
    void aClientOfADaemonInTheSamePodIsJudgedThroughTheDaemon() {
        // one finding (the daemon's), not a second info on the buildctl line
        assertEquals(1, bk209(step("--addr tcp://127.0.0.1:1234", "privileged: true")).size());
    }

    @Test
    void aLoadBalancerServiceIsNamed() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: buildkitd
                  labels: {app: buildkitd}
                spec:
                  containers:
                    - name: buildkitd
                      image: moby/buildkit:v0.32.2
                      args: [--addr, "tcp://0.0.0.0:1234"]
                      ports:
                        - {name: grpc, containerPort: 1234}
                      securityContext: {privileged: true}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: buildkit}
                spec:
                  type: LoadBalancer
                  selector: {app: buildkitd}
                  ports:
                    - {port: 443, targetPort: grpc}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: other}
                spec:
                  selector: {app: web}
                  ports:
                    - {port: 1234}
                """;
        List<Finding> f = RuleFindings.of("BK209", Options.defaults(), "buildkitd.yaml", yaml);
        assertEquals(1, f.size(), f.toString());
        String why = f.get(0).why();
        assertTrue(why.contains("Service `buildkit` in this file forwards port 1234 to it (type LoadBalancer"), why);
        assertTrue(!why.contains("`other`"), why);
    }
}
