package dev.bklint.buildkit;

import java.util.Optional;

/** How buildctl was started: directly, or through the rootless wrapper that starts its own buildkitd. */
public enum Launcher {
    BUILDCTL("buildctl"),
    DAEMONLESS("buildctl-daemonless.sh");

    private final String programName;

    Launcher(String programName) {
        this.programName = programName;
    }

    public String programName() {
        return programName;
    }

    /** The launcher for a program basename such as {@code buildctl-daemonless.sh}. */
    public static Optional<Launcher> forProgramName(String programName) {
        for (Launcher launcher : values()) {
            if (launcher.programName.equals(programName)) {
                return Optional.of(launcher);
            }
        }
        return Optional.empty();
    }
}
