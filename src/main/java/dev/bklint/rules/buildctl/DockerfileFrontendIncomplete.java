package dev.bklint.rules.buildctl;

import dev.bklint.buildkit.BuildctlCommand;
import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.buildkit.Word;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * BK403: {@code buildctl build} needs {@code --frontend dockerfile.v0} to build a Dockerfile, and that frontend
 * reads the {@code context} and {@code dockerfile} local directories. A build fed LLB on stdin (a pipe or a
 * redirect) needs no frontend and is left alone.
 */
public final class DockerfileFrontendIncomplete implements Rule {
    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        BuildctlCommand cmd = invocation.command();
        Word sub = cmd.subcommand();
        if (!cmd.isBuild() || sub == null || readsStdin(invocation)) {
            return;
        }
        Flag frontend = cmd.flag("frontend");
        if (frontend == null) {
            reporter.report(invocation.span(sub), "`buildctl build` has no `--frontend`, so it does not build your "
                    + "Dockerfile.", "Without a frontend it reads a low-level build definition from standard input, "
                    + "not your Dockerfile; the Dockerfile frontend, `dockerfile.v0`, also needs `--local context=.` "
                    + "and `--local dockerfile=.`.",
                    new Fix("Add `--frontend dockerfile.v0`.", "--frontend dockerfile.v0",
                            List.of(new Edit(invocation.span(sub.end(), sub.end()), " --frontend dockerfile.v0"))));
            return;
        }
        if (!"dockerfile.v0".equals(frontend.value())) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("context", "dockerfile")) {
            if (!hasLocal(cmd, name)) {
                missing.add("--local " + name + "=.");
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String add = String.join(" ", missing);
        reporter.report(invocation.flagSpan(frontend), "This `dockerfile.v0` build gives " + (missing.size() == 2
                ? "neither `--local context` nor `--local dockerfile`." : "no `--local " + missing.get(0).split("=")[0]
                .substring(8) + "`."), "The frontend reads the build context and the Dockerfile from the local "
                + "directories named `context` and `dockerfile`; the build fails in the session with `no access "
                + "allowed to dir`.",
                new Fix("Add `" + add + "`.", add, List.of(new Edit(invocation.span(frontend.valueWord().end(),
                        frontend.valueWord().end()), " " + add))));
    }

    private static boolean hasLocal(BuildctlCommand cmd, String name) {
        for (Flag f : cmd.flags("local")) {
            if (f.value() != null && f.value().startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }

    /** True when the command's input is a pipe or a redirect: it is then fed a definition on stdin. */
    private static boolean readsStdin(Invocation invocation) {
        String text = invocation.script().text();
        int i = invocation.command().command().start() - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        if (i >= 0 && text.charAt(i) == '|' && (i == 0 || text.charAt(i - 1) != '|')) {
            return true;
        }
        int end = Math.min(text.length(), lineEnd(text, invocation.command().command().end()));
        return text.substring(invocation.command().command().start(), end).contains("<");
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }
}
