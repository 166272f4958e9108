package dev.bklint.rules.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.finding.Finding;
import dev.bklint.rules.RuleFindings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BK210: where the daemon a privileged client talks to can be told, and where the script may use the privilege. */
class PrivilegedClientOnlyTest {
    private static String step(String command, String env, String sidecar) {
        return """
                steps:
                  - label: build
                    timeout_in_minutes: 30
                    command: %s
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - name: main
                                image: moby/buildkit:v0.32.2
                                env: %s
                                securityContext:
                                  privileged: true
                %s""".formatted(command, env, sidecar);
    }

    private static final String SIDECAR = """
                          - name: buildkitd
                            image: moby/buildkit:v0.32.2
                            command: [buildkitd --addr unix:///run/buildkit/buildkitd.sock]
                            securityContext:
                              privileged: true
            """;

    private static List<Finding> bk210(String yaml) {
        return RuleFindings.of("BK210", yaml);
    }

    @Test
    void aClientOfADaemonInAnotherContainerOfThePod() {
        List<Finding> f = bk210(step("buildctl build --frontend dockerfile.v0 --local context=. --local dockerfile=.",
                "[]", SIDECAR));
        assertEquals(1, f.size(), f.toString());
        assertEquals(13, f.get(0).span().line());
        assertTrue(f.get(0).message().contains("the daemon in container `buildkitd`"), f.get(0).message());
    }

    @Test
    void aRemoteBuildkitHost() {
        List<Finding> f = bk210(step("buildctl build --frontend dockerfile.v0 --local context=. --local dockerfile=.",
                "[{name: BUILDKIT_HOST, value: 'kube-pod://buildkitd-0'}]", ""));
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("`kube-pod://buildkitd-0`"), f.get(0).message());
    }

    @Test
    void noDaemonInSightIsSilent() {
        assertEquals(List.of(), bk210(step("buildctl build --frontend dockerfile.v0 --local context=. "
                + "--local dockerfile=.", "[]", "")));
    }

    @Test
    void aScriptThatAlsoRunsAContainerRuntimeIsSilent() {
        assertEquals(List.of(), bk210(step("'docker info && buildctl --addr tcp://buildkitd:1234 build "
                + "--frontend dockerfile.v0 --local context=. --local dockerfile=.'", "[]", "")));
    }

    @Test
    void theDaemonsOwnPrivilegedContainerIsNotReported() {
        List<Finding> f = bk210(step("buildctl build --frontend dockerfile.v0 --local context=. --local dockerfile=.",
                "[]", SIDECAR));
        assertEquals(1, f.size(), f.toString()); // only `main`, not the sidecar that runs buildkitd
    }
}
