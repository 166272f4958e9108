package dev.bklint.buildkit;

import dev.bklint.kubernetes.PodContainer;
import dev.bklint.pipeline.CommandText;
import dev.bklint.pipeline.Env;
import dev.bklint.pipeline.EnvVar;

/**
 * Answers what a variable holds for one command of a script: its own {@code VAR=value} prefix, else what the
 * script exported (or assigned, when the variable was already in the environment) before it, else the
 * container, step or pipeline env.
 */
public final class EnvLookup {
    private final Env env;
    private final CommandText script;
    private final ShellScript shell;
    private final SimpleCommand command;

    public EnvLookup(PodContainer container, Env fallback, CommandText script, ShellScript shell,
                     SimpleCommand command) {
        this.env = container != null ? container.env() : fallback;
        this.script = script;
        this.shell = shell;
        this.command = command;
    }

    public EnvValue get(String name) {
        if (command != null) {
            for (Assignment a : command.assignments()) {
                if (a.name().equals(name)) {
                    return new EnvValue(name, a.value(), "an inline prefix of the command",
                            script.span(a.start(), a.end()));
                }
            }
            Assignment before = shell.assignmentBefore(name, command.start());
            if (before != null && (before.exported() || env.get(name) != null)) {
                return new EnvValue(name, before.value(), before.exported() ? "an `export` in the script"
                        : "an assignment in the script", script.span(before.start(), before.end()));
            }
        }
        EnvVar v = env.get(name);
        if (v == null || v.value() == null) {
            return null;
        }
        return new EnvValue(name, v.value(), v.origin(), v.valueNode().span());
    }
}
