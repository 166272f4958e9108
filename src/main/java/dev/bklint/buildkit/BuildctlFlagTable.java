package dev.bklint.buildkit;

import java.util.Map;
import java.util.Set;

/** The flags buildctl defines at one position (global, or for one subcommand), and which take a value. */
record BuildctlFlagTable(Set<String> valued, Set<String> booleans, Map<String, String> aliases) {

    static final BuildctlFlagTable GLOBAL = new BuildctlFlagTable(
            Set.of("addr", "log-format", "tlsservername", "tlscacert", "tlscert", "tlskey", "tlsdir", "timeout"),
            Set.of("debug", "wait", "help", "version"),
            Map.of("h", "help", "v", "version"));

    static final BuildctlFlagTable BUILD = new BuildctlFlagTable(
            Set.of("output", "progress", "trace", "local", "oci-layout", "frontend", "opt", "export-cache",
                    "import-cache", "secret", "allow", "ssh", "metadata-file", "source-policy-file", "ref-file",
                    "registry-auth-tlscontext", "proxy-network"),
            Set.of("no-cache", "debug-json-cache-metrics", "help"),
            Map.of("o", "output", "h", "help"));

    /** Other subcommands: only the help flag urfave/cli adds to every command is modelled. */
    static final BuildctlFlagTable OTHER = new BuildctlFlagTable(Set.of(), Set.of("help"), Map.of("h", "help"));

    /** docker/buildx flags that take a value, so a misplaced {@code --tag x} keeps {@code x} as its value. */
    static final Set<String> FOREIGN_VALUED = Set.of(
            "tag", "t", "file", "f", "build-arg", "platform", "target", "cache-from", "cache-to");

    static BuildctlFlagTable forSubcommand(String subcommandName) {
        return "build".equals(subcommandName) ? BUILD : OTHER;
    }

    /** The canonical name for a name as written (alias resolved), or null if this table lacks it. */
    String canonical(String writtenName) {
        String name = aliases.getOrDefault(writtenName, writtenName);
        return valued.contains(name) || booleans.contains(name) ? name : null;
    }

    boolean takesValue(String canonicalName) {
        return valued.contains(canonicalName);
    }
}
