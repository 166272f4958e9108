package dev.bklint.rules.buildctl;

import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import java.util.List;

/** BK402: docker/buildx flags that {@code buildctl build} does not have; each has a buildctl spelling. */
public final class BuildxFlagInBuildctl implements Rule {
    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        if (!invocation.command().isBuild()) {
            return;
        }
        boolean push = invocation.command().hasFlag("push");
        for (Flag f : invocation.command().flags()) {
            if (f.known()) {
                continue;
            }
            String spelling = spelling(f, push);
            if (spelling == null) {
                continue;
            }
            boolean mechanical = f.value() != null && !spelling.contains("<") && invocation.isPlain(f);
            reporter.report(invocation.flagSpan(f), "`" + f.written() + "` is a docker/buildx flag, which `buildctl "
                    + "build` does not have.", "`buildctl build` fails with `flag provided but not defined` before "
                    + "building.", new Fix("Write `" + spelling + "`.", spelling,
                    mechanical ? List.of(new Edit(invocation.flagSpan(f), spelling)) : List.of()));
        }
    }

    /** The buildctl way to say what the flag meant, or null when the flag is not a buildx one. */
    static String spelling(Flag f, boolean push) {
        String v = f.value() == null ? "<value>" : f.value();
        switch (f.name()) {
            case "tag": case "t":
                return "--output type=image,name=" + v + (push ? ",push=true" : "");
            case "push":
                return "--output type=image,name=<image>,push=true";
            case "file": case "f":
                int slash = v.lastIndexOf('/');
                return slash < 0 ? "--opt filename=" + v
                        : "--local dockerfile=" + v.substring(0, slash) + " --opt filename=" + v.substring(slash + 1);
            case "build-arg":
                return "--opt build-arg:" + v;
            case "platform":
                return "--opt platform=" + v;
            case "target":
                return "--opt target=" + v;
            case "cache-from":
                return "--import-cache " + (v.contains("type=") ? v : "type=registry,ref=" + v);
            case "cache-to":
                return "--export-cache " + (v.contains("type=") ? v : "type=registry,ref=" + v);
            case "load":
                return "--output type=docker,dest=<file.tar>";
            default:
                return null;
        }
    }
}
