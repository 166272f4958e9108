package dev.bklint.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranking on the shipped causes: wrappers never headline, supersedes removes, the rest are "also". */
class DiagnoserTest {
    private static Diagnoser.Diagnosis diagnose(String... lines) {
        Diagnoser d = new Diagnoser(CauseCatalog.get().causes());
        for (int i = 0; i < lines.length; i++) {
            d.accept(new LogLine("job.log", i + 1, lines[i]));
        }
        return d.result();
    }

    private static List<String> ids(Diagnoser.Diagnosis d) {
        return d.ranked().stream().map(m -> m.cause().id()).toList();
    }

    @Test
    void aWrapperAloneIsNoKnownCause() {
        Diagnoser.Diagnosis d = diagnose("could not connect to unix:///run/user/1000/buildkit/buildkitd.sock after 10 trials",
                "error: something else");
        assertNull(d.headline());
        assertEquals(List.of("error: something else"), d.errorLines().stream().map(LogLine::text).toList());
    }

    @Test
    void aSupersededCauseIsDroppedAndTheOthersFollowByPriority() {
        Diagnoser.Diagnosis d = diagnose(
                "buildkitd: rootless mode requires to be executed as the mapped root in a user namespace",
                "dial unix /run/user/1000/buildkit/buildkitd.sock: connect: no such file or directory",
                "#4 ERROR: process \"/bin/sh -c make\" did not complete successfully: exit code: 2",
                "unexpected status: 403 Forbidden");
        assertEquals(List.of("buildkitd-without-rootlesskit", "registry-push-forbidden", "run-step-failed"), ids(d));
        assertEquals(1, d.headline().line().number());
    }

    @Test
    void hardWrappedLinesAreJoinedAndReportedAtTheirFirstLine() {
        Diagnoser.Diagnosis d = diagnose("x", "error: failed to mount ", "/home/user/.local/tmp/m1: [{Type:bind ",
                "Source:/home/user/.local/share/buildkit/s/2/fs Options:[rbind ro]}]: ", "operation not permitted");
        assertEquals(List.of("state-dir-nosuid"), ids(d));
        assertEquals(2, d.headline().line().number());
    }
}
