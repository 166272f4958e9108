package dev.bklint.dockerfile;

import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.buildkit.SimpleCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The checkout a pipeline builds from, so that a build's Dockerfile can be found the way the Dockerfile frontend
 * finds it: {@code --local dockerfile=DIR} plus {@code --opt filename=} (default {@code Dockerfile}), relative to
 * the directory the command runs in (the checkout, moved by any {@code cd} before it).
 */
public final class Project {
    /** Larger Dockerfiles are not read: bklint only needs stages, args and RUNs. */
    private static final long MAX_DOCKERFILE_BYTES = 1024 * 1024;

    private final Path root;
    private final Map<Path, Dockerfile> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private Project(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * The checkout of a pipeline file: {@code --project-dir} when given, else the directory that holds the
     * {@code .buildkite/} (or {@code buildkite/}) folder the file is in, or a {@code buildkite.yml} at the top.
     * Null when neither applies (the Dockerfile rules then stay silent).
     */
    public static Project forFile(String path, Path override) {
        if (override != null) {
            return new Project(override.toAbsolutePath().normalize());
        }
        try {
            Path file = Path.of(path).toAbsolutePath().normalize();
            for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if ((name.equals(".buildkite") || name.equals("buildkite")) && dir.getParent() != null) {
                    return new Project(dir.getParent());
                }
            }
            String name = file.getFileName().toString();
            if (name.startsWith("buildkite.") && file.getParent() != null) {
                return new Project(file.getParent());
            }
        } catch (InvalidPathException e) {
            return null;
        }
        return null;
    }

    /** Where a build's Dockerfile is, or null when the command line leaves it unknown (a variable, an absolute path). */
    public Resolved resolve(Invocation invocation) {
        Flag dockerfileLocal = null;
        for (Flag f : invocation.command().flags("local")) {
            if (f.value() != null && f.value().startsWith("dockerfile=")) {
                dockerfileLocal = f;
            }
        }
        if (dockerfileLocal == null) {
            return null;
        }
        String dir = dockerfileLocal.value().substring("dockerfile=".length());
        Flag filenameOpt = null;
        String filename = "Dockerfile";
        for (Flag f : invocation.command().flags("opt")) {
            if (f.value() != null && f.value().startsWith("filename=")) {
                filenameOpt = f;
                filename = f.value().substring("filename=".length());
            }
        }
        Path workdir = workingDirectory(invocation);
        if (workdir == null || !plain(dir) || !plain(filename)) {
            return null;
        }
        try {
            Path path = workdir.resolve(dir).resolve(filename).normalize();
            if (!path.startsWith(root)) {
                return null;
            }
            return new Resolved(root.relativize(path), Files.isRegularFile(path), read(path), dockerfileLocal,
                    filenameOpt);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static boolean plain(String p) {
        return !p.isEmpty() && !p.startsWith("/") && !p.startsWith("~") && !p.contains("$") && !p.contains("{{")
                && !p.contains("*");
    }

    /** The checkout, moved by each literal relative {@code cd} before the command; null after any other cd. */
    private Path workingDirectory(Invocation invocation) {
        Path dir = root;
        int before = invocation.command().command().start();
        for (SimpleCommand c : invocation.container().shell().commandsBefore(before)) {
            String program = c.programName();
            if ("cd".equals(program) || "pushd".equals(program)) {
                if (c.words().size() != 2 || !plain(c.words().get(1).value())) {
                    return null;
                }
                dir = dir.resolve(c.words().get(1).value()).normalize();
            } else if ("popd".equals(program)) {
                return null;
            }
        }
        return dir;
    }

    private Dockerfile read(Path path) {
        return cache.computeIfAbsent(path, p -> {
            try {
                if (!Files.isRegularFile(p) || Files.size(p) > MAX_DOCKERFILE_BYTES) {
                    return null;
                }
                return Dockerfile.parse(Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        });
    }

    /**
     * A resolved Dockerfile: its path relative to the checkout, whether it exists, its content (null when missing
     * or unreadable), and the flags that named it (the {@code filename} option may be absent).
     */
    public record Resolved(Path path, boolean exists, Dockerfile dockerfile, Flag dockerfileLocal, Flag filenameOpt) {
    }
}
