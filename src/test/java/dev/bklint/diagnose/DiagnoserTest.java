package dev.bklint.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Ranking per failure site on the shipped causes (wrappers never headline, supersedes removes within a site, two
 * independent failures are both reported) and, on causes made here, the cause-file fields the shipped files do not
 * use yet (where, near, unless-near).
 */
class DiagnoserTest {
    private static Diagnoser.Diagnosis diagnose(List<Cause> causes, String... lines) {
        Diagnoser d = new Diagnoser(causes);
        for (int i = 0; i < lines.length; i++) {
            d.accept(new LogLine("job.log", i + 1, lines[i]));
        }
        return d.result();
    }

    private static Diagnoser.Diagnosis diagnose(String... lines) {
        return diagnose(CauseCatalog.get().causes(), lines);
    }

    private static List<String> ids(List<Diagnoser.Match> matches) {
        return matches.stream().map(m -> m.cause().id()).toList();
    }

    private static Cause cause(String id, int priority, String pattern, Set<Section> where, List<String> near,
                               List<String> unlessNear) {
        return new Cause(id, id, "cause", priority, "none", List.of(Pattern.compile(pattern)), where,
                near.stream().map(Pattern::compile).toList(), unlessNear.stream().map(Pattern::compile).toList(), null,
                List.of(), "why", "", "fix", List.of(), List.of(), List.of());
    }

    @Test
    void aWrapperAloneIsNoKnownCause() {
        Diagnoser.Diagnosis d = diagnose("could not connect to unix:///run/user/1000/buildkit/buildkitd.sock after 10 trials",
                "error: something else");
        assertNull(d.headline());
        assertEquals(List.of("error: something else"), d.errorLines().stream().map(LogLine::text).toList());
    }

    @Test
    void withinAVertexTheSpecificCauseSupersedesTheGenericOne() {
        Diagnoser.Diagnosis d = diagnose("$ buildctl-daemonless.sh build --progress=plain",
                "#4 [2/2] RUN mkdir /x",
                "#4 0.109 runc run failed: unable to start container process: error during container init: cgroup: "
                        + "open /sys/fs/cgroup/abc: no such file or directory",
                "#4 ERROR: process \"/bin/sh -c mkdir /x\" did not complete successfully: exit code: 1",
                "error: failed to solve: process \"/bin/sh -c mkdir /x\" did not complete successfully: exit code: 1",
                "\uD83D\uDEA8 Error: The command exited with status 1");
        assertEquals(List.of("buildkit-runc-regression"), ids(d.ranked()));
        assertEquals(List.of("run-step-failed"), d.headline().superseded());
        assertEquals("buildctl 1 #4", d.headline().site());
        assertEquals(Section.VERTEX, d.headline().section());
        assertTrue(d.related().isEmpty(), d.related().toString());
    }

    @Test
    void theDaemonSymptomIsSupersededWhereverTheIncidentExplainsIt() {
        Diagnoser.Diagnosis d = diagnose("$ buildkitd &",
                "buildkitd: rootless mode requires to be executed as the mapped root in a user namespace",
                "$ buildctl build .",
                "error: dial unix /run/user/1000/buildkit/buildkitd.sock: connect: no such file or directory");
        assertEquals(List.of("buildkitd-without-rootlesskit"), ids(d.ranked()));
        assertTrue(d.related().isEmpty());
    }

    @Test
    void twoIndependentFailuresAreBothReportedTheLastBeforeTheVerdictFirst() {
        Diagnoser.Diagnosis d = diagnose("$ buildctl build --output type=image,name=r/a,push=true",
                "#1 importing cache manifest from r/a",
                "#1 ERROR: error getting credentials - err: exec: \"docker-credential-ecr-login\": executable file not "
                        + "found in $PATH, out: ``",
                "error: failed to solve: error getting credentials",
                "$ buildctl build --output type=image,name=r/b,push=true",
                "#9 exporting to image",
                "#9 ERROR: failed to push r/b: unexpected status: 403 Forbidden",
                "error: failed to solve: failed to push r/b",
                "\uD83D\uDEA8 Error: The command exited with status 1");
        assertEquals(List.of("registry-push-forbidden", "credential-helper-missing"), ids(d.ranked()));
        assertEquals("buildctl 2 #9", d.headline().site());
        assertEquals("buildctl 1 #1", d.also().get(0).site());
    }

    @Test
    void aLowerPriorityCauseInTheSameSiteIsRelated() {
        Diagnoser.Diagnosis d = diagnose(List.of(cause("low", 100, "boom", Set.of(), List.of(), List.of()),
                cause("high", 900, "big boom", Set.of(), List.of(), List.of())), "a big boom");
        assertEquals(List.of("high"), ids(d.ranked()));
        assertEquals(List.of("low"), ids(d.related()));
    }

    @Test
    void whereLimitsACauseToItsSections() {
        List<Cause> causes = List.of(cause("flag", 500, "flag provided but not defined", Set.of(Section.DAEMON_LOG),
                List.of(), List.of()));
        assertNull(diagnose(causes, "$ buildctl build --debug", "flag provided but not defined: -debug").headline());
        Diagnoser.Diagnosis d = diagnose(causes, "could not connect to unix:///x.sock after 10 trials",
                "========== log ==========", "flag provided but not defined: -oci-worker-foo");
        assertEquals(List.of("flag"), ids(d.ranked()));
        assertEquals(3, d.headline().line().number());
    }

    @Test
    void unlessNearDropsAndNearCorroboratesWithinTheSameSite() {
        List<Cause> causes = List.of(cause("denied", 500, "permission denied", Set.of(), List.of("newuidmap"),
                List.of("apparmor")));
        Diagnoser.Diagnosis dropped = diagnose(causes, "========== log ==========", "error: permission denied",
                "hint: apparmor");
        assertNull(dropped.headline());
        Diagnoser.Diagnosis elsewhere = diagnose(causes, "$ buildctl build", "#3 apparmor", "#4 ERROR: permission denied");
        assertEquals(List.of("denied"), ids(elsewhere.ranked()));
        assertFalse(elsewhere.headline().corroborated());
        Diagnoser.Diagnosis near = diagnose(causes, "========== log ==========", "newuidmap: write failed",
                "error: permission denied");
        assertTrue(near.headline().corroborated());
    }

    @Test
    void aCheckoutFailureTheAgentRecoveredFromIsDropped() {
        List<Cause> causes = List.of(cause("ssh", 500, "Permission denied \\(publickey\\)", Set.of(), List.of(),
                List.of()));
        String[] retried = {"~~~ Preparing working directory", "git@github.com: Permission denied (publickey).",
            "\u26A0\uFE0F Warning: Checkout failed! exit status 128 (Attempt 1/3 Retrying in 2s)",
            "git clone -v -- git@github.com:a/b.git .", "~~~ Running commands", "$ make"};
        assertNull(diagnose(causes, retried).headline());
        String[] failed = {"~~~ Preparing working directory", "git@github.com: Permission denied (publickey).",
            "\uD83D\uDEA8 Error: Failed to checkout repository"};
        assertEquals(List.of("ssh"), ids(diagnose(causes, failed).ranked()));
    }

    @Test
    void daemonWarningsCountOnlyWhenTheDaemonDidNotComeUp() {
        List<Cause> causes = List.of(cause("sysctl", 500, "apparmor_restrict", Set.of(), List.of(), List.of()));
        String warn = "time=\"2026-06-02T08:15:33Z\" level=warning msg=\"apparmor_restrict is set to 1\"";
        assertNull(diagnose(causes, "========== log ==========", warn,
                "time=\"2026-06-02T08:15:34Z\" level=info msg=\"running server on /run/user/1000/buildkit/buildkitd.sock\"")
                .headline(), "the daemon came up: its warnings explain nothing");
        assertNull(diagnose(causes, "========== log ==========", warn).headline(), "a warning alone is not fatal");
        assertEquals(List.of("sysctl"), ids(diagnose(causes, "========== log ==========", warn,
                "[rootlesskit:parent] error: failed to start the child").ranked()));
    }

    @Test
    void aDockerfileLintWarningIsNoFailure() {
        List<Cause> causes = List.of(cause("casing", 500, "FromAsCasing", Set.of(), List.of(), List.of()));
        assertNull(diagnose(causes, "#1 [internal] load build definition from Dockerfile",
                "#1 WARN: FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)").headline());
    }

    @Test
    void hardWrappedLinesAreJoinedAndReportedAtTheirFirstLine() {
        Diagnoser.Diagnosis d = diagnose("x", "error: failed to mount ", "/home/user/.local/tmp/m1: [{Type:bind ",
                "Source:/home/user/.local/share/buildkit/s/2/fs Options:[rbind ro]}]: ", "operation not permitted");
        assertEquals(List.of("state-dir-nosuid"), ids(d.ranked()));
        assertEquals(2, d.headline().line().number());
        assertEquals(Section.CLIENT, d.headline().section());
    }

    @Test
    void inputsOfOneIncidentKeepTheirPathsAndSites() {
        Diagnoser d = new Diagnoser(CauseCatalog.get().causes());
        LogStructure job = d.input("job.log: ");
        job.accept(new LogLine("job.log", 1, "Error running job: timed out waiting 5m0s for all containers to connect"));
        LogStructure describe = d.input("describe.txt: ");
        List<String> lines = new ArrayList<>(List.of("Name:         buildkite-0190-abc", "Events:",
                "  Type     Reason   Age   From     Message", "  ----     ------   ----  ----     -------",
                "  Warning  Failed   12s   kubelet  Failed to pull image \"moby/buildkit:latest-rootless\": rpc error: "
                        + "code = NotFound desc = failed to pull and unpack image \"docker.io/moby/buildkit:latest-rootless\": "
                        + "failed to resolve reference \"docker.io/moby/buildkit:latest-rootless\": "
                        + "docker.io/moby/buildkit:latest-rootless: not found"));
        for (int i = 0; i < lines.size(); i++) {
            describe.accept(new LogLine("describe.txt", i + 1, lines.get(i)));
        }
        Diagnoser.Diagnosis r = d.result();
        assertEquals(List.of("image-tag-not-found"), ids(r.ranked()));
        assertEquals("describe.txt", r.headline().line().path());
        assertEquals(5, r.headline().line().number());
        assertEquals("describe.txt: events", r.headline().site());
        assertEquals(Section.KUBELET, r.headline().section());
    }
}
