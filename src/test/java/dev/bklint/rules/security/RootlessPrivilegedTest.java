package dev.bklint.rules.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bklint.finding.Finding;
import dev.bklint.rules.RuleFindings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rootless image with {@code privileged: true}, as BuildKit's docs/rootless.md:79-84 runs it: the runtime gives a
 * privileged container no seccomp profile, no runtime-default AppArmor profile and an unmasked /proc, so nothing the
 * unprivileged setup needs is missing; only the privilege itself (BK102) is reported.
 */
class RootlessPrivilegedTest {
    private static String pipeline(String securityContext) {
        return """
                steps:
                  - label: build
                    timeout_in_minutes: 30
                    command: buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=. --local dockerfile=.
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - name: main
                                image: moby/buildkit:v0.32.2-rootless
                                volumeMounts:
                                  - name: state
                                    mountPath: /home/user/.local/share/buildkit
                                securityContext:
                """ + securityContext.indent(20) + """
                            volumes:
                              - name: state
                                emptyDir: {}
                """;
    }

    private static List<Integer> lines(String rule, String yaml) {
        return RuleFindings.of(rule, yaml).stream().map(f -> f.span().line()).toList();
    }

    @Test
    void privilegedRootlessNeedsNoProfilesOrSandboxFlag() {
        String yaml = pipeline("privileged: true\nrunAsUser: 1000\nrunAsGroup: 1000");
        assertEquals(List.of(), lines("BK201", yaml));
        assertEquals(List.of(), lines("BK202", yaml));
        assertEquals(List.of(), lines("BK203", yaml));
        assertEquals(List.of(15), lines("BK102", yaml));
    }

    @Test
    void unprivilegedRootlessStillNeedsThem() {
        String yaml = pipeline("runAsUser: 1000\nrunAsGroup: 1000");
        assertEquals(1, lines("BK201", yaml).size());
        assertEquals(1, lines("BK202", yaml).size());
        assertEquals(1, lines("BK203", yaml).size());
    }

    @Test
    void anExplicitLocalhostApparmorProfileStillAppliesToAPrivilegedContainer() {
        // containerd applies a Localhost profile even to a privileged container (apparmor_linux.go:74-84).
        String yaml = pipeline("privileged: true\nrunAsUser: 1000\nrunAsGroup: 1000\nappArmorProfile:\n"
                + "  type: Localhost\n  localhostProfile: k8s-buildkit");
        assertEquals(1, lines("BK203", yaml).size());
        assertEquals(List.of(), lines("BK202", yaml));
    }
}
