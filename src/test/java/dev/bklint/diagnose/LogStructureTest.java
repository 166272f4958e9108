package dev.bklint.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One reading rule per test: the section, site and text each line (or joined table row) is matched as. */
class LogStructureTest {
    private final List<StructuredLine> out = new ArrayList<>();
    private final ContextCollector context = new ContextCollector();

    private List<StructuredLine> read(String... lines) {
        LogStructure s = new LogStructure(out::add, context, "");
        for (int i = 0; i < lines.length; i++) {
            s.accept(new LogLine("job.log", i + 1, lines[i]));
        }
        s.finish();
        return out;
    }

    private static List<String> tags(List<StructuredLine> lines) {
        return lines.stream().map(l -> l.line().number() + " " + l.section().yamlName() + " [" + l.site() + "]"
                + (l.level().isEmpty() ? "" : " " + l.level())).toList();
    }

    @Test
    void groupsTellCheckoutFromCommandAndTheReopenMarkerIsDropped() {
        assertEquals(List.of("1 checkout [checkout]", "2 checkout [checkout]", "3 command [command 2]",
                "5 command [command 2]", "6 agent [agent]"), tags(read("~~~ Preparing working directory",
                "fatal: could not read from remote repository", "--- :hammer: Running commands", "^^^ +++",
                "make", "\uD83D\uDEA8 Error: The command exited with status 2")));
    }

    @Test
    void echoedCommandsAreCollected() {
        read("~~~ Running commands", "$ buildctl-daemonless.sh build --progress=plain", "$ echo done");
        assertEquals(List.of("buildctl-daemonless.sh build --progress=plain", "echo done"),
                context.context().commands());
    }

    @Test
    void agentVerdictsAreTheAgentsSection() {
        assertEquals(List.of("1 agent [agent]", "2 agent [agent]", "3 agent [agent]"), tags(read(
                "\u26A0\uFE0F Warning: Checkout failed! (Attempt 1/3)", "\uD83D\uDEA8 Error: The command exited with status 1",
                "Error running job: timed out waiting 5m0s for all containers to connect")));
    }

    @Test
    void eachVertexAndEachBuildctlInvocationIsASite() {
        assertEquals(List.of("1 command [command 0]", "2 vertex [buildctl 1 #1]", "3 vertex [buildctl 1 #4]",
                "4 client [buildctl 1 #4]", "5 command [command 0]", "6 vertex [buildctl 2 #4]",
                "7 client [buildctl 2]", "8 vertex [buildctl 3 #1]"), tags(read(
                "$ buildctl build --opt target=a", "#1 [internal] load build definition from Dockerfile",
                "#4 ERROR: process \"/bin/sh -c make\" did not complete successfully: exit code: 2",
                "error: failed to solve: process \"/bin/sh -c make\" did not complete successfully: exit code: 2",
                "+ buildctl build --opt target=b", "#4 [2/3] RUN make", "error: failed to solve: x",
                "#1 [internal] load build definition from Dockerfile")));
    }

    @Test
    void theErrorBlockAndItsDockerfileExcerptBelongToTheFailingVertex() {
        List<String> tags = tags(read("#7 [3/3] RUN make", "#7 ERROR: process \"/bin/sh -c make\" did not complete "
                        + "successfully: exit code: 2", "------", " > [3/3] RUN make:", "0.512 make: *** [all] Error 2",
                "------", "Dockerfile:5", "--------------------", "   4 |     COPY . .", "   5 | >>> RUN make",
                "--------------------", "error: failed to solve: process did not complete successfully",
                "plain output"));
        assertEquals(List.of("1 vertex [buildctl 1 #7]", "2 vertex [buildctl 1 #7]", "3 vertex [buildctl 1 #7]",
                "4 vertex [buildctl 1 #7]", "5 vertex [buildctl 1 #7]", "6 vertex [buildctl 1 #7]",
                "7 vertex [buildctl 1 #7]", "8 vertex [buildctl 1 #7]", "9 vertex [buildctl 1 #7]",
                "10 vertex [buildctl 1 #7]", "11 vertex [buildctl 1 #7]", "12 client [buildctl 1 #7]",
                "13 command [command 0]"), tags);
    }

    @Test
    void dockerfileLintWarningsAreWarnings() {
        assertEquals(List.of("1 vertex [buildctl 1 #1] warning"),
                tags(read("#1 WARN: FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)")));
    }

    @Test
    void theDaemonLogRunsFromTheWrapperMarkerToTheWrappersTrapAndKeepsTheLevel() {
        assertEquals(List.of("1 command [command 1]", "2 client [buildctl 1]", "3 client [buildctl 1]",
                "4 daemon-log [daemon 1] warning", "5 daemon-log [daemon 1]", "6 client [buildctl 1]",
                "7 command [command 1]"), tags(read("~~~ Running commands",
                "could not connect to unix:///run/user/1000/buildkit/buildkitd.sock after 10 trials",
                "========== log ==========",
                "time=\"2026-06-02T08:15:33Z\" level=warning msg=\"[rootlesskit:parent] hint\"",
                "[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: permission denied",
                "sh: can't kill pid 12: No such process", "after")));
    }

    @Test
    void theDaemonsOwnLinesAreItsLogAlsoOutsideTheWrappersBlock() {
        assertEquals(List.of("1 command [command 0]", "2 daemon-log [daemon 1]", "3 daemon-log [daemon 1] info",
                "4 daemon-log [daemon 1]", "5 command [command 0]"), tags(read("$ buildkitd &",
                "buildkitd: rootless mode requires to be executed as the mapped root in a user namespace",
                "time=\"2026-03-04T09:12:33Z\" level=info msg=\"auto snapshotter: using overlayfs\"",
                "[rootlesskit:child ] error: failed to setup network", "$ buildctl build .")));
    }

    /** The shape of agent-stack-k8s pod_watcher.go's table (go-pretty "rounded"), MESSAGE soft-wrapped. */
    @Test
    void aBoxedControllerTableIsReadAsOneLogicalRowPerTableRow() {
        List<StructuredLine> rows = read(
                "The following containers could not be created or their images could not be pulled:",
                "\u256D\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u256E",
                "\u2502 CONTAINER   \u2502 IMAGE REF              \u2502 REASON       \u2502 MESSAGE            \u2502",
                "\u251C\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524",
                "\u2502 container-0 \u2502 moby/buildkit:latest-r \u2502 ErrImagePull \u2502 Failed to pull     \u2502",
                "\u2502             \u2502 ootless                \u2502              \u2502 image: not found   \u2502",
                "\u2570\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u256F",
                "after");
        assertEquals(List.of("1 controller [controller]", "3 controller [controller]",
                "5 controller [controller container-0]", "8 command [command 0]"), tags(rows));
        assertEquals("container-0 \u2502 moby/buildkit:latest-rootless \u2502 ErrImagePull \u2502 Failed to pull image: "
                + "not found", rows.get(2).text());
        assertEquals(List.of("container-0"), context.context().containers());
        assertEquals(List.of("moby/buildkit:latest-rootless"), context.context().images());
    }

    /** go-pretty moves a word longer than its column to a row of its own and cuts it there (research §8.9). */
    @Test
    void aWordCutAcrossBoxedRowsIsJoinedWithoutASpace() {
        List<StructuredLine> rows = read("\u256D\u2500\u256E",
                "\u2502 CONTAINER   \u2502 MESSAGE    \u2502",
                "\u2502 container-0 \u2502 pull of    \u2502",
                "\u2502             \u2502 registry.e \u2502",
                "\u2502             \u2502 xample/app \u2502",
                "\u2502             \u2502 :1 failed  \u2502",
                "\u2570\u2500\u256F");
        assertEquals("container-0 \u2502 pull of registry.example/app:1 failed", rows.get(1).text());
    }

    @Test
    void anUnboxedControllerTableIsReadByItsHeadersColumns() {
        List<StructuredLine> rows = read("CONTAINER    IMAGE REF          REASON        MESSAGE",
                "container-0  alpine:3.20        ErrImagePull  Failed to pull image",
                "                                              \"alpine:3.20\": not found",
                "", "after");
        assertEquals(List.of("1 controller [controller]", "2 controller [controller container-0]",
                "4 command [command 0]", "5 command [command 0]"), tags(rows));
        assertEquals("container-0 \u2502 alpine:3.20 \u2502 ErrImagePull \u2502 Failed to pull image \"alpine:3.20\": "
                + "not found", rows.get(1).text());
    }

    @Test
    void kubectlDescribeGivesEachContainerItsSiteAndTheEventsTheirs() {
        List<String> tags = tags(read("Name:             buildkite-0190-abc-xyz", "Containers:", "  container-0:",
                "    Image:          moby/buildkit:v0.32.2-rootless", "    State:          Terminated",
                "      Reason:       OOMKilled", "      Exit Code:    137", "  agent:", "    State:          Running",
                "Events:", "  Type     Reason   Age   From     Message",
                "  Warning  Failed   12s   kubelet  Error: ErrImagePull"));
        assertEquals(List.of("1 kubelet [pod]", "2 kubelet [pod]", "3 kubelet [container container-0]",
                "4 kubelet [container container-0]", "5 kubelet [container container-0]",
                "6 kubelet [container container-0]", "7 kubelet [container container-0]", "8 kubelet [container agent]",
                "9 kubelet [container agent]", "10 kubelet [events]", "11 kubelet [events]", "12 kubelet [events]"), tags);
        assertEquals(List.of("container-0", "agent"), context.context().containers());
        assertEquals(List.of("moby/buildkit:v0.32.2-rootless"), context.context().images());
    }

    @Test
    void kubectlGetEventsRowsAreTheKubeletsSection() {
        assertEquals(List.of("1 kubelet [events]", "2 kubelet [events]", "3 command [command 0]"), tags(read(
                "LAST SEEN   TYPE      REASON         OBJECT          MESSAGE",
                "41s         Warning   FailedCreate   job/bk-0190     Error creating: pods \"bk-0190-x\" is forbidden",
                "")));
    }
}
