package dev.bklint.buildkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellScriptTest {

    @Test
    void exportFromACommandsListIsVisibleToTheBuild() {
        String text = String.join("\n", List.of(
                "export BUILDKITD_FLAGS=--oci-worker-no-process-sandbox",
                "buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=. --local dockerfile=."));
        ShellScript script = new ShellScript(text);
        SimpleCommand build = script.commands().get(1);
        int at = build.start();

        assertEquals("--oci-worker-no-process-sandbox", script.valueBefore("BUILDKITD_FLAGS", at));
        Assignment assignment = script.assignmentBefore("BUILDKITD_FLAGS", at);
        assertTrue(assignment.exported());
        assertEquals(text.indexOf("--oci"), assignment.valueStart());
        assertNull(script.valueBefore("BUILDKITD_FLAGS", 0));
        assertTrue(BuildctlCommand.of(build).isPresent());
    }

    @Test
    void lastAssignmentWinsAndPrefixAssignmentsDoNotCount() {
        ShellScript script = new ShellScript("A=1\nA=2 true\nA=3; echo\nunset B\nB=x\nunset B\nend");
        int end = script.text().length();
        assertEquals("3", script.valueBefore("A", end));
        assertEquals("1", script.valueBefore("A", script.text().indexOf("A=3")));
        assertNull(script.valueBefore("B", end));
        assertEquals("x", script.valueBefore("B", script.text().lastIndexOf("unset")));
    }

    @Test
    void rawOffsetUndoesQuoteRemoval() {
        String text = "buildctl build \"--opt=a b\" x\\yz";
        ShellScript script = new ShellScript(text);
        Word quoted = script.commands().get(0).words().get(2);
        assertEquals(text.indexOf("a b"), script.rawOffset(quoted, "--opt=".length()));
        Word escaped = script.commands().get(0).words().get(3);
        assertEquals("xyz", escaped.value());
        assertEquals(text.indexOf("yz"), script.rawOffset(escaped, 1));
        assertEquals(escaped.end(), script.rawOffset(escaped, 3));
    }
}
