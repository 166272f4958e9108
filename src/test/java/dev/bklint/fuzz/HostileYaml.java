package dev.bklint.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds pipelines and manifests from grammar pieces that a byte mutator rarely reaches: anchors and aliases
 * (including alias fan-out), merge keys, complex keys, deep nesting in YAML and in {@code ${...}}, long lines,
 * characters outside the BMP, control characters, huge and odd numbers, many suppression comments, wide
 * {@code --output} CSVs and long container lists — set inside the shapes bklint models (steps, groups, the
 * kubernetes plugin, podSpec, containers, buildctl commands, Kubernetes objects and {@code List} items), so that
 * every stage past the parser sees them.
 */
final class HostileYaml {
    private static final String[] IMAGES = {"moby/buildkit:latest", "moby/buildkit:v0.16.0-rootless",
        "moby/buildkit:rootless", "moby/buildkit@sha256:" + "ab".repeat(32), "alpine", "moby/buildkit:v888888888888.1.2",
        "", "moby/buildkit:latest-rootless\u001b[2K"};
    private static final String[] NUMBERS = {"1000", "0", "-1", "1e99999999", "1e9999999999", "-1e-99999999",
        "0x3e8", "0o1750", "1_000", "1000.0", ".inf", "-.nan", "99999999999999999999999999", "1E+2147483648", "~",
        "1000 # root"};
    private static final String[] WORDS = {"build", "--frontend", "dockerfile.v0", "--local", "context=.",
        "dockerfile=.", "--local dockerfile=../../..", "--local dockerfile=/etc", "--opt", "filename=Dockerfile",
        "--progress=plain", "--export-cache", "type=inline", "--import-cache", "--exporter", "--output",
        "--addr", "tcp://0.0.0.0:1234", "--oci-worker-no-process-sandbox", "--debug", "--opt target=x",
        "'--output=type=image,name=x,push=true'", "\"$HOME\"", "$$VAR", "`id`", "$(id)", "&&", "|", ";"};
    private static final String[] KEYS = {"runAsUser", "runAsGroup", "runAsNonRoot", "privileged",
        "allowPrivilegeEscalation", "procMount", "seccompProfile", "appArmorProfile", "readOnlyRootFilesystem"};
    private static final String[] ODD = {"\u001b[2K", "\u001b]0;owned\u0007", "\r", "\u0085", "\u2028", "\u202e",
        "\u009b31m", "\u007f", "::error file=x::forged", "\uD83D\uDE00", "e\u0301", "\u4e2d", "\t"};

    private final Choices choose;
    private final StringBuilder out = new StringBuilder();
    private final List<String> anchors = new ArrayList<>();
    private final int scale;

    private HostileYaml(Choices choose, int scale) {
        this.choose = choose;
        this.scale = Math.max(1, scale);
    }

    /** A document of roughly {@code scale} steps' worth of content (scale 1..100 keeps it well under 1 MB). */
    static String generate(Choices choose, int scale) {
        HostileYaml g = new HostileYaml(choose, scale);
        try {
            switch (choose.below(8)) {
                case 0 -> g.manifest();
                case 1 -> g.rawHostile();
                default -> g.pipeline();
            }
        } catch (Full e) {
            // the document stops where it reached the size limit: a cut-off file is one more hostile input
        }
        return g.out.toString();
    }

    /** Inputs stay below this size: the hostile shapes are small files, and a bigger one only slows the run. */
    static final int MAX_CHARS = 512 * 1024;

    private static final class Full extends RuntimeException {
        Full() {
            super(null, null, false, false);
        }
    }

    private void pipeline() {
        if (choose.chance(20)) {
            line(0, "agents:");
            line(2, "queue: " + scalar());
        }
        if (choose.chance(20)) {
            line(0, "env:");
            line(2, "IMAGE: " + interpolation(choose.below(4 * scale)));
        }
        line(0, "steps:");
        int steps = 1 + choose.below(2 * scale);
        for (int i = 0; i < steps; i++) {
            step(2, 0);
        }
        if (choose.chance(10)) {
            line(0, "---");
            line(0, "steps: " + (anchors.isEmpty() ? "[]" : "*" + anchors.get(choose.below(anchors.size()))));
        }
    }

    private void step(int indent, int depth) {
        switch (choose.below(depth < 3 ? 9 : 7)) {
            case 0 -> line(indent, "- wait");
            case 1 -> aliasOrScalar(indent);
            case 2 -> complexKey(indent);
            case 7, 8 -> {
                line(indent, "- group: " + scalar());
                line(indent + 2, "steps:");
                int n = 1 + choose.below(3);
                for (int i = 0; i < n; i++) {
                    step(indent + 4, depth + 1);
                }
            }
            default -> commandStep(indent);
        }
    }

    private void aliasOrScalar(int indent) {
        if (!anchors.isEmpty()) {
            line(indent, "- *" + anchors.get(choose.below(anchors.size())));
        } else {
            line(indent, "- " + scalar());
        }
    }

    private void complexKey(int indent) {
        line(indent, "- ? " + flow(choose.below(6)));
        line(indent + 2, ": " + scalar());
    }

    private void commandStep(int indent) {
        String anchor = maybeAnchor();
        line(indent, "- " + (anchor == null ? "" : "&" + anchor + " ") + "label: " + scalar());
        int in = indent + 2;
        if (choose.chance(30)) {
            line(in, "key: " + scalar());
        }
        if (choose.chance(50)) {
            line(in, "command: |");
            int lines = 1 + choose.below(3 * scale);
            for (int i = 0; i < lines; i++) {
                line(in + 2, shellLine());
            }
        } else {
            line(in, "commands:");
            int lines = 1 + choose.below(3);
            for (int i = 0; i < lines; i++) {
                if (!anchors.isEmpty() && choose.chance(30)) {
                    line(in + 2, "- *" + anchors.get(choose.below(anchors.size())));
                } else {
                    line(in + 2, "- " + quoted(shellLine()));
                }
            }
        }
        if (choose.chance(15)) {
            suppressions(in);
        }
        line(in, "plugins:");
        line(in + 2, "- " + (choose.chance(80) ? "kubernetes" : "kubernetes#v0.1.0") + ":");
        if (choose.chance(70)) {
            line(in + 6, "podSpec:");
            podSpec(in + 8);
        } else {
            line(in + 6, "podSpecPatch:");
            podSpec(in + 8);
        }
    }

    private void podSpec(int indent) {
        if (!anchors.isEmpty() && choose.chance(15)) {
            line(indent, "<<: *" + anchors.get(choose.below(anchors.size())));
        }
        if (choose.chance(30)) {
            line(indent, "securityContext:");
            securityContext(indent + 2);
        }
        if (choose.chance(30)) {
            line(indent, "volumes:");
            line(indent + 2, "- name: " + scalar());
            line(indent + 4, "emptyDir: {}");
        }
        line(indent, "containers:");
        int containers = 1 + (choose.chance(10) ? choose.below(50 * scale) : choose.below(3));
        for (int i = 0; i < containers; i++) {
            container(indent + 2);
        }
        if (choose.chance(10)) {
            int unknown = choose.below(20 * scale);
            for (int i = 0; i < unknown; i++) {
                line(indent, "unknownKey" + i + ": " + scalar());
            }
        }
    }

    private void container(int indent) {
        if (!anchors.isEmpty() && choose.chance(20)) {
            line(indent, "- *" + anchors.get(choose.below(anchors.size())));
            return;
        }
        String anchor = maybeAnchor();
        line(indent, "- " + (anchor == null ? "" : "&" + anchor + " ") + "name: " + scalar());
        int in = indent + 2;
        line(in, "image: " + quoted(choose.oneOf(IMAGES) + (choose.chance(10) ? odd() : "")));
        if (choose.chance(50)) {
            line(in, "command: " + (choose.chance(80) ? "[buildctl-daemonless.sh]" : flow(choose.below(4))));
        }
        if (choose.chance(40)) {
            line(in, "args:");
            int n = 1 + choose.below(6);
            for (int i = 0; i < n; i++) {
                line(in + 2, "- " + quoted(choose.oneOf(WORDS)));
            }
        }
        if (choose.chance(50)) {
            line(in, "env:");
            line(in + 2, "- name: BUILDKITD_FLAGS");
            line(in + 4, "value: " + quoted(choose.oneOf(WORDS) + " " + choose.oneOf(WORDS)));
            if (choose.chance(30)) {
                line(in + 2, "- name: " + (choose.chance(50) ? "HOME" : scalar()));
                line(in + 4, "value: " + quoted(interpolation(choose.below(3 * scale))));
            }
        }
        if (choose.chance(40)) {
            line(in, "volumeMounts:");
            line(in + 2, "- name: " + scalar());
            line(in + 4, "mountPath: " + quoted(choose.chance(50) ? "/home/user/.local/share/buildkit" : scalar()));
        }
        if (choose.chance(60)) {
            line(in, "securityContext:");
            securityContext(in + 2);
        }
    }

    private void securityContext(int indent) {
        int n = 1 + choose.below(4);
        for (int i = 0; i < n; i++) {
            String key = choose.oneOf(KEYS);
            switch (key) {
                case "seccompProfile", "appArmorProfile" -> {
                    line(indent, key + ":");
                    line(indent + 2, "type: " + (choose.chance(50) ? "Unconfined" : scalar()));
                }
                case "runAsUser", "runAsGroup" -> line(indent, key + ": " + choose.oneOf(NUMBERS));
                default -> line(indent, key + ": " + choose.oneOf(new String[] {"true", "false", "yes", "on", "1",
                    "Unmasked", "~"}));
            }
        }
    }

    private void suppressions(int indent) {
        int n = 1 + choose.below(10 * scale);
        StringBuilder ids = new StringBuilder("# bklint-ignore ");
        int perLine = choose.chance(50) ? n : 1;
        for (int i = 0; i < n; i++) {
            ids.append("BK").append(100 + choose.below(600)).append(i % perLine == perLine - 1 ? " reason" : ",");
            if (i % perLine == perLine - 1) {
                line(indent, ids.toString());
                ids.setLength(0);
                ids.append("# bklint-ignore ");
            }
        }
    }

    private String shellLine() {
        return switch (choose.below(6)) {
            case 0 -> "buildctl --addr tcp://0.0.0.0:1234 build --output " + csv(choose.below(40 * scale));
            case 1 -> "export X=" + interpolation(choose.below(4 * scale)) + " && buildctl build --opt x=$$X";
            case 2 -> "echo " + "x".repeat(choose.below(2000 * scale)) + odd();
            default -> {
                StringBuilder b = new StringBuilder(choose.chance(50) ? "buildctl-daemonless.sh" : "buildctl");
                int words = choose.below(12);
                for (int i = 0; i < words; i++) {
                    b.append(' ').append(choose.oneOf(WORDS));
                }
                yield b.toString();
            }
        };
    }

    private String csv(int keys) {
        StringBuilder b = new StringBuilder("type=image,name=registry.example/app");
        for (int i = 0; i < keys; i++) {
            b.append(",k").append(i).append('=').append(choose.chance(10) ? "\"a,b\"" : "v");
        }
        return b.toString();
    }

    /** {@code ${...}} nested {@code depth} deep, with defaults and substrings Buildkite accepts. */
    private String interpolation(int depth) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append(choose.chance(50) ? "${A:-" : "${B:0:");
        }
        b.append(choose.chance(50) ? "$VAR" : "x");
        b.append("}".repeat(choose.chance(90) ? depth : Math.max(0, depth - 1)));
        return b.toString();
    }

    /** A flow collection nested {@code depth} deep. */
    private String flow(int depth) {
        if (depth == 0) {
            return "[a]";
        }
        boolean seq = choose.chance(50);
        String close = choose.chance(95) ? (seq ? "]" : "}") : "";
        return (seq ? "[" : "{k: ") + flow(depth - 1) + close;
    }

    private void manifest() {
        boolean list = choose.chance(50);
        line(0, "apiVersion: v1");
        line(0, "kind: " + (list ? "List" : "Pod"));
        if (list) {
            line(0, "items:");
            int items = 1 + choose.below(3 * scale);
            for (int i = 0; i < items; i++) {
                if (!anchors.isEmpty() && choose.chance(40)) {
                    line(2, "- *" + anchors.get(choose.below(anchors.size())));
                    continue;
                }
                String anchor = maybeAnchor();
                line(2, "- " + (anchor == null ? "" : "&" + anchor + " ") + "apiVersion: v1");
                line(4, "kind: Pod");
                line(4, "metadata: {name: " + scalar() + "}");
                line(4, "spec:");
                podSpec(6);
            }
        } else {
            line(0, "metadata:");
            line(2, "name: " + scalar());
            line(0, "spec:");
            podSpec(2);
        }
    }

    /** Shapes that attack the loader and the first model layers directly. */
    private void rawHostile() {
        switch (choose.below(4)) {
            case 0 -> {
                // alias fan-out through commands and steps
                line(0, "x0: &x0 [buildctl build, buildctl build]");
                int levels = 2 + choose.below(6);
                for (int i = 1; i <= levels; i++) {
                    line(0, "x" + i + ": &x" + i + " [" + ("*x" + (i - 1) + ", ").repeat(9) + "*x" + (i - 1) + "]");
                }
                line(0, "steps:");
                line(2, "- commands: *x" + levels);
                line(4, "plugins: [{kubernetes: {podSpec: {containers: [{image: moby/buildkit}]}}}]");
            }
            case 1 -> {
                int depth = choose.below(2000 * scale);
                line(0, "steps: " + "[".repeat(depth) + "]".repeat(depth));
            }
            case 2 -> line(0, "steps:\n  - label: \"" + "\\U0001F600".repeat(choose.below(100 * scale))
                    + "\"\n    command: x");
            default -> line(0, "steps: [{label: " + "\uD83D\uDE00".repeat(choose.below(1100)) + "x, command: "
                    + "y".repeat(choose.below(3000 * scale)) + "\uD83D\uDE00}]");
        }
    }

    private String maybeAnchor() {
        if (!choose.chance(25)) {
            return null;
        }
        String name = "a" + anchors.size();
        anchors.add(name);
        return name;
    }

    private String scalar() {
        return switch (choose.below(10)) {
            case 0 -> quoted(odd() + "x");
            case 1 -> choose.oneOf(NUMBERS);
            case 2 -> quoted(interpolation(choose.below(3)));
            case 3 -> "x".repeat(choose.below(300 * scale) + 1);
            default -> "n" + choose.below(1000);
        };
    }

    private String odd() {
        return choose.oneOf(ODD);
    }

    /** A double-quoted YAML scalar that says exactly {@code text}, control characters written as escapes. */
    private static String quoted(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private void line(int indent, String text) {
        if (out.length() + indent + text.length() > MAX_CHARS) {
            throw new Full();
        }
        out.append(" ".repeat(indent)).append(text).append('\n');
    }
}
