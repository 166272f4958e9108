package dev.bklint.diagnose;

import dev.bklint.kubernetes.ImageRef;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.pipeline.CommandText;
import dev.bklint.pipeline.UploadPattern;
import dev.bklint.rules.StepAnalysis;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one step would print or run, in the forms a job log names it: its command lines (for the agent's echoed
 * {@code $ ...}), its pod's container names and image references. Built once per step, so that scoring every
 * piece of log evidence against every step stays a walk over each.
 */
final class StepEvidence {
    private final Set<String> lines = new HashSet<>();
    private final List<UploadPattern> patterns = new ArrayList<>();
    private final Set<String> containers = new HashSet<>();
    private final Set<String> images = new HashSet<>();
    private final List<UploadPattern> imagePatterns = new ArrayList<>();

    StepEvidence(StepAnalysis analysis) {
        if (analysis.step() != null && analysis.step().command() != null) {
            addScript(analysis.step().command());
        }
        if (analysis.pod() != null) {
            for (PodContainer c : analysis.pod().allContainers()) {
                containers.add(c.name());
                if (c.ownCommand() && c.script() != null) {
                    addScript(c.script());
                }
                if (c.image() != null) {
                    String image = c.image().value();
                    images.add(canonical(image));
                    UploadPattern p = UploadPattern.of(image.trim());
                    if (p.hasWildcards() && !p.onlyWildcards()) {
                        imagePatterns.add(p);
                    }
                }
            }
        }
    }

    /**
     * Each command line, with backslash-newline continuations joined (the shell reads them as one line), and the
     * whole script as one line too (a one-line echo of a multi-line {@code command}).
     */
    private void addScript(CommandText script) {
        String joined = script.text().replace("\\\r\n", " ").replace("\\\n", " ");
        for (String line : joined.split("\n", -1)) {
            addLine(normalise(line));
        }
        addLine(normalise(joined));
    }

    private void addLine(String line) {
        if (line.isEmpty() || !lines.add(line)) {
            return;
        }
        UploadPattern p = UploadPattern.of(line);
        if (p.hasWildcards() && !p.onlyWildcards()) { // `$SCRIPT` alone would fit every echoed command
            patterns.add(p);
        }
    }

    /** Runs of white space as one space, none at the ends: how far two echoes of one command may differ. */
    static String normalise(String command) {
        return command.trim().replaceAll("\\s+", " ");
    }

    /** How many of the echoed commands are one of this step's lines exactly. */
    int exactCommands(List<String> echoed) {
        int n = 0;
        for (String e : echoed) {
            if (lines.contains(normalise(e))) {
                n++;
            }
        }
        return n;
    }

    /** How many of the echoed commands one of this step's lines becomes at upload, its expansions as wildcards. */
    int uploadedCommands(List<String> echoed) {
        int n = 0;
        for (String e : echoed) {
            String line = normalise(e);
            if (patterns.stream().anyMatch(p -> p.matches(line))) {
                n++;
            }
        }
        return n;
    }

    int containers(List<String> named) {
        return (int) named.stream().filter(containers::contains).count();
    }

    int images(List<String> named) {
        int n = 0;
        for (String image : named) {
            String canonical = canonical(image);
            if (images.contains(canonical)
                    || imagePatterns.stream().anyMatch(p -> p.matches(image.trim()) || p.matches(canonical))) {
                n++;
            }
        }
        return n;
    }

    /**
     * An image reference as the runtime resolves it, so that a kubelet's {@code docker.io/library/alpine:latest}
     * and a pipeline's {@code alpine} compare equal: no Docker Hub host, no {@code library/}, the tag it pulls.
     */
    static String canonical(String image) {
        ImageRef ref = ImageRef.parse(image);
        String path = ref.repository().startsWith("docker.io/") || ref.repository().startsWith("index.docker.io/")
                || ref.repository().startsWith("registry-1.docker.io/") ? ref.path() : ref.repository();
        if (path.startsWith("library/")) {
            path = path.substring("library/".length());
        }
        String tag = ref.effectiveTag();
        return path + (tag == null ? "" : ":" + tag) + (ref.digest() == null ? "" : "@" + ref.digest());
    }
}
