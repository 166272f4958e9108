package dev.bklint.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Turns command-line paths into the files to lint, and finds pipelines when no path is given. */
public final class Discovery {
    /** The files {@code buildkite-agent pipeline upload} looks for, in its order. */
    public static final List<String> UPLOAD_DEFAULTS = List.of(
            "buildkite.yml", "buildkite.yaml", "buildkite.json",
            ".buildkite/pipeline.yml", ".buildkite/pipeline.yaml", ".buildkite/pipeline.json",
            "buildkite/pipeline.yml", "buildkite/pipeline.yaml", "buildkite/pipeline.json");

    private Discovery() {
    }

    /** Without arguments: the upload defaults that exist, then every pipeline file under {@code .buildkite/}. */
    public static List<Path> discover(Path root) throws InputError {
        Set<Path> found = new LinkedHashSet<>();
        for (String name : UPLOAD_DEFAULTS) {
            Path p = root.resolve(name);
            if (candidate(p)) {
                found.add(root.relativize(p));
            }
        }
        Path dir = root.resolve(".buildkite");
        if (Files.isDirectory(dir)) {
            for (Path p : yamlFiles(dir)) {
                found.add(root.relativize(p));
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * A file stays as given; a directory yields its pipeline files (sorted, hidden folders other than .buildkite
     * skipped).
     */
    public static List<Path> expand(Path path) throws InputError {
        if (Files.isDirectory(path)) {
            List<Path> files = yamlFiles(path);
            if (files.isEmpty()) {
                throw new InputError(path + ": directory has no .yml, .yaml or pipeline*.json files");
            }
            return files;
        }
        return List.of(path);
    }

    private static List<Path> yamlFiles(Path dir) throws InputError {
        List<Path> tracked = gitFiles(dir);
        if (tracked != null) {
            return tracked;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir, 32)) {
            walk.filter(Discovery::candidate)
                    .filter(p -> isPipelineFile(p.getFileName().toString()))
                    .filter(p -> !hiddenBelow(dir, p))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            throw new InputError(dir + ": cannot walk the directory (" + e.getMessage() + ")");
        }
        return files;
    }

    /**
     * Inside a git work tree, the YAML files git tracks or would add (honouring .gitignore), in the same order a
     * walk gives; null when git is not there, the folder is not in a work tree, or git does not answer in time.
     */
    private static List<Path> gitFiles(Path dir) {
        byte[] listing = Git.lsFiles(dir);
        if (listing == null) {
            return null;
        }
        List<Path> files = new ArrayList<>();
        for (String name : new String(listing, StandardCharsets.UTF_8).split("\0")) {
            if (name.isEmpty() || !isPipelineFile(name.substring(name.lastIndexOf('/') + 1))) {
                continue;
            }
            try {
                Path p = dir.resolve(name);
                if (!hiddenBelow(dir, p) && candidate(p)) {
                    files.add(p);
                }
            } catch (InvalidPathException e) {
                // a name this platform cannot spell is not a pipeline bklint can read
            }
        }
        files.sort(null);
        return files;
    }

    /**
     * A path worth reading: it exists and is not a directory. Devices, FIFOs and links out of the checkout are kept
     * so that reading refuses them with a reason instead of skipping them in silence.
     */
    private static boolean candidate(Path p) {
        return Files.exists(p) && !Files.isDirectory(p);
    }

    /**
     * A file name a folder's pipelines go by: any YAML file, and JSON named like the upload default
     * {@code pipeline.json} ({@code pipeline.deploy.json}, {@code pipeline-release.json}). Other JSON in a folder
     * ({@code renovate.json}, test data) is left alone: JSON is a pipeline format only by name.
     */
    static boolean isPipelineFile(String name) {
        return name.endsWith(".yml") || name.endsWith(".yaml")
                || (name.startsWith("pipeline") && name.endsWith(".json"));
    }

    private static boolean hiddenBelow(Path dir, Path file) {
        Path rel = dir.relativize(file);
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            String part = rel.getName(i).toString();
            if (part.startsWith(".") && !part.equals(".buildkite")) {
                return true;
            }
        }
        return false;
    }
}
