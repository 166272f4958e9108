package dev.bklint.dockerfile;

import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.buildkit.SimpleCommand;
import dev.bklint.source.InputError;
import dev.bklint.source.SourceReader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checkout a pipeline builds from, so that a build's Dockerfile can be found the way the Dockerfile frontend
 * finds it: {@code --local dockerfile=DIR} plus {@code --opt filename=} (default {@code Dockerfile}), relative to
 * the directory the command runs in (the checkout, moved by any {@code cd} before it).
 *
 * <p>The pipeline names that path, so it is only read when it stays inside the checkout: a {@code ..} that climbs
 * out, or a link (to the file or any folder on the way) that leads out, gives a {@link Resolved} that says why and
 * has no content. An absolute path names the build container's file system, not the checkout: it is not judged.
 */
public final class Project {
    /** The frontend's default filename; when a file of that name is missing it also tries {@link #LOWER_CASE_NAME}. */
    public static final String DEFAULT_NAME = "Dockerfile";
    public static final String LOWER_CASE_NAME = "dockerfile";
    /** Larger Dockerfiles are not read: bklint only needs stages, args and RUNs. */
    private static final long MAX_DOCKERFILE_BYTES = 1024 * 1024;

    private final Path root;
    private final Map<Path, Dockerfile> cache = new ConcurrentHashMap<>();

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
        String filename = DEFAULT_NAME;
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
        Path path;
        try {
            path = workdir.resolve(dir).resolve(filename).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        Resolved found = check(path, dockerfileLocal, filenameOpt);
        if (found.exists() || found.refused() != null || !DEFAULT_NAME.equals(path.getFileName().toString())) {
            return found;
        }
        // The frontend reads a file named `Dockerfile` as `dockerfile` when the former is missing
        // (frontend/dockerui/config.go, "dockerfile is also supported casing").
        Resolved lower = check(path.resolveSibling(LOWER_CASE_NAME), dockerfileLocal, filenameOpt);
        return lower.exists() || lower.refused() != null ? lower : found;
    }

    /** The file at {@code path}, or why bklint does not read it. */
    private Resolved check(Path path, Flag dockerfileLocal, Flag filenameOpt) {
        if (!path.startsWith(root)) {
            return refused(path, dockerfileLocal, filenameOpt, "climbs out of the checkout with `..`");
        }
        // Links followed as far as the path exists: even whether a file outside exists is not told.
        if (!SourceReader.realPrefix(path).startsWith(SourceReader.realRoot(root))) {
            return refused(path, dockerfileLocal, filenameOpt, "leads out of the checkout through a symbolic link");
        }
        if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
            return refused(path, dockerfileLocal, filenameOpt, "is not a regular file (a device, FIFO or socket)");
        }
        return new Resolved(root.relativize(path), Files.isRegularFile(path), read(path), dockerfileLocal,
                filenameOpt, null);
    }

    private Resolved refused(Path path, Flag dockerfileLocal, Flag filenameOpt, String why) {
        return new Resolved(root.relativize(path), false, null, dockerfileLocal, filenameOpt, why);
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

    /** The parsed Dockerfile, or null when it is missing, too large, not text, or (checked again) outside. */
    private Dockerfile read(Path path) {
        return cache.computeIfAbsent(path, p -> {
            try {
                return Dockerfile.parse(SourceReader.readInside(p, root, MAX_DOCKERFILE_BYTES, p.toString()).text());
            } catch (InputError | RuntimeException e) {
                return null;
            }
        });
    }

    /**
     * A resolved Dockerfile: its path relative to the checkout, whether it exists, its content (null when missing
     * or unreadable), the flags that named it (the {@code filename} option may be absent), and why bklint did not
     * read it when the path leaves the checkout or is no regular file (else null).
     */
    public record Resolved(Path path, boolean exists, Dockerfile dockerfile, Flag dockerfileLocal, Flag filenameOpt,
                           String refused) {
    }
}
