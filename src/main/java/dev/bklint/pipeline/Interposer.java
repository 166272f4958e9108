package dev.bklint.pipeline;

import java.util.Locale;

/**
 * How the Agent Stack for Kubernetes controller turns a command container's {@code command} and {@code args} into
 * the script it runs ({@code BUILDKITE_COMMAND}): buildkite/agent-stack-k8s@a5d56d1
 * internal/controller/config/command_params.go:31-57.
 */
public enum Interposer {
    /** Items joined with newlines (one command each), args shell-quoted onto the last line; the default. */
    BUILDKITE,
    /** Command and args shell-quoted into one command line, as Kubernetes runs an argv. */
    VECTOR,
    /** Command and args joined with spaces, unquoted (the controller's behaviour before v0.15.0). */
    LEGACY;

    /** The value as the configuration spells it. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A configured value: {@code ""} is unset (null); an unknown value is null too, since the controller rejects it
     * (command_params.go:133-144) and there is no command to model.
     */
    public static Interposer parse(String value) {
        if (value == null) {
            return null;
        }
        for (Interposer i : values()) {
            if (i.spelling().equals(value)) {
                return i;
            }
        }
        return null;
    }
}
