package dev.bklint.diagnose;

import dev.bklint.pipeline.CommandStep;
import dev.bklint.rules.StepAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Which pipeline step a failed job ran, on the log's evidence only: {@code --step} (a key or label, exactly); else
 * the agent's echoed commands against each BuildKit step's command lines (exactly after white space is normalised,
 * then with upload-time expansions as wildcards); else the container names and image references the log names
 * against each BuildKit step's effective pod; else the pipeline's only BuildKit step. Each kind of evidence narrows
 * the steps to those it fits best; evidence that fits no step stops the guess at "the only BuildKit step", since
 * the job then ran something the pipeline does not show.
 */
final class StepChoice {
    /** One command step: its file, analysis and the index of its file's lint result. */
    record Step(String path, StepAnalysis analysis, int file) {
        String label() {
            return analysis.step().displayName();
        }
    }

    /** The step, how it was chosen, or (step null) the steps that fit equally and why none was chosen. */
    record Choice(Step step, String how, List<String> candidates, String reason) {
    }

    private StepChoice() {
    }

    static Choice choose(List<Step> steps, IncidentContext context, String wanted) {
        if (wanted != null) {
            return byName(steps, wanted);
        }
        List<Step> pool = steps.stream().filter(s -> !s.analysis().buildkitContainers().isEmpty()).toList();
        if (pool.isEmpty()) {
            return none(List.of(), steps.isEmpty() ? "the pipeline has no command step"
                    : "no step of the pipeline runs BuildKit; name the step with --step");
        }
        List<StepEvidence> evidence = pool.stream().map(s -> new StepEvidence(s.analysis())).toList();
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            left.add(i);
        }
        List<String> unmatched = new ArrayList<>();
        List<String> commands = context.commands();
        // exact matches rank first; among the steps they leave, the lines that fit only with wildcards decide
        Narrowed exact = narrow(left, evidence, e -> e.exactCommands(commands));
        Narrowed n = narrow(exact.left(), evidence, e -> e.uploadedCommands(commands));
        boolean fits = exact.best() > 0 || n.best() > 0;
        if (!fits && !commands.isEmpty()) {
            unmatched.add("echoed commands");
        }
        if (fits && n.left().size() == 1) {
            return chosen(pool.get(n.left().get(0)), "echoed command");
        }
        left = n.left();
        for (String kind : List.of("container", "image")) {
            List<String> named = kind.equals("container") ? context.containers() : context.images();
            n = narrow(left, evidence, kind.equals("container") ? e -> e.containers(named) : e -> e.images(named));
            if (n.best() == 0 && !named.isEmpty()) {
                unmatched.add(kind.equals("container") ? "container names" : "image references");
            }
            if (n.best() > 0 && n.left().size() == 1) {
                return chosen(pool.get(n.left().get(0)), kind);
            }
            left = n.left();
        }
        if (pool.size() == 1) {
            if (!unmatched.isEmpty()) {
                return none(List.of(), "the log's " + String.join(" and ", unmatched)
                        + " fit no step of the pipeline; name the step with --step");
            }
            return chosen(pool.get(0), "only BuildKit step");
        }
        List<String> candidates = left.stream().map(i -> pool.get(i).label()).toList();
        return none(candidates, candidates.size() + " BuildKit steps fit the log equally; name one with --step");
    }

    /** A step whose key or label is {@code wanted}. */
    private static Choice byName(List<Step> steps, String wanted) {
        List<Step> found = steps.stream().filter(s -> wanted.equals(key(s.analysis().step()))).toList();
        if (found.isEmpty()) {
            found = steps.stream().filter(s -> wanted.equals(s.analysis().step().label())).toList();
        }
        if (found.size() == 1) {
            return chosen(found.get(0), "--step");
        }
        if (found.isEmpty()) {
            return none(List.of(), "no step has the key or label given by --step");
        }
        return none(found.stream().map(Step::label).toList(), found.size() + " steps have the label given by --step");
    }

    /** The step's {@code key} (or its aliases {@code id} and {@code identifier}), or null. */
    static String key(CommandStep step) {
        for (String k : List.of("key", "id", "identifier")) {
            String v = step.node().string(k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private record Narrowed(List<Integer> left, int best) {
    }

    /** The steps of {@code left} that score highest; all of them when none scores. */
    private static Narrowed narrow(List<Integer> left, List<StepEvidence> evidence, ToIntFunction<StepEvidence> score) {
        int best = 0;
        List<Integer> top = new ArrayList<>();
        for (int i : left) {
            int s = score.applyAsInt(evidence.get(i));
            if (s > best) {
                best = s;
                top.clear();
            }
            if (s == best && s > 0) {
                top.add(i);
            }
        }
        return best == 0 ? new Narrowed(left, 0) : new Narrowed(top, best);
    }

    private static Choice chosen(Step step, String how) {
        return new Choice(step, how, List.of(), null);
    }

    private static Choice none(List<String> candidates, String reason) {
        return new Choice(null, null, candidates, reason);
    }
}
