package ca.scalloy.engine.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.charge.Recipe;

/**
 * "Make it comply": re-solves a recipe's charge with a specification's limits added to the recipe's
 * own targets (each element's range is the intersection of both), and reports the cost difference.
 *
 * <p>"Others each" becomes a maximum on every element the charge can bring in (materials' assays,
 * compounds' delivered elements, the heel) that neither the specification nor the balance covers.
 * "Others total" is a sum the solver's per-element targets cannot state; it is checked on the new
 * product and named in the notes.
 */
public final class MakeItComply {

    private final ChargeCalculator calculator;
    private final ComplianceChecker checker;

    /**
     * @param calculator the charge calculator to re-solve with
     * @param checker    the checker for the report on the new product
     */
    public MakeItComply(ChargeCalculator calculator, ComplianceChecker checker) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.checker = Objects.requireNonNull(checker, "checker");
    }

    /**
     * Solves the recipe as it is and with the specification's limits added.
     *
     * @throws IllegalArgumentException when a limit of the specification and the recipe's own target on
     *                                  the same element do not overlap (the message names both)
     */
    public Outcome run(Recipe recipe, Specification spec) {
        Recipe constrained = constrain(recipe, spec);
        ChargeResult before = calculator.solve(recipe);
        ChargeResult after = calculator.solve(constrained);
        ComplianceReport report = after.solved()
                ? checker.check(after.productComposition(recipe.balanceElement()), spec, null) : null;
        List<String> notes = new ArrayList<>();
        if (spec.othersTotalMaxPct() != null) {
            notes.add("others total ≤ " + spec.othersTotalMaxPct() + " % is not a solver limit; checked on the new product");
        }
        if (!spec.properties().isEmpty()) {
            notes.add("property requirements are estimates and not solver limits; check them on the new product");
        }
        Double diff = before.solved() && after.solved() ? after.costTotal() - before.costTotal() : null;
        return new Outcome(constrained, before, after, report, diff, notes);
    }

    /**
     * The recipe with the specification's element limits intersected with its own targets. An aim
     * outside the new range moves to the nearer bound.
     *
     * @throws IllegalArgumentException when a limit and a target on the same element do not overlap
     */
    public static Recipe constrain(Recipe recipe, Specification spec) {
        Map<String, ElementTarget> targets = new LinkedHashMap<>();
        for (ElementTarget t : recipe.targets()) {
            targets.put(t.element(), t);
        }
        for (ElementLimit l : spec.limits()) {
            if (!l.element().equals(recipe.balanceElement())) {
                targets.put(l.element(), intersect(targets.get(l.element()), l.element(), l.minPct(), l.maxPct(), spec.name()));
            }
        }
        if (spec.othersEachMaxPct() != null) {
            for (String element : elementsBroughtIn(recipe)) {
                if (spec.limit(element).isEmpty() && !element.equals(recipe.balanceElement())) {
                    targets.put(element, intersect(targets.get(element), element, null, spec.othersEachMaxPct(), spec.name()));
                }
            }
        }
        return recipe.withTargets(new ArrayList<>(targets.values()));
    }

    private static ElementTarget intersect(ElementTarget own, String element, Double min, Double max, String specName) {
        Double lo = own == null ? min : maxOf(own.minPct(), min);
        Double hi = own == null ? max : minOf(own.maxPct(), max);
        if (lo != null && hi != null && lo > hi) {
            throw new MessageException("comply.refusal.noOverlap", element + ": the recipe's target " + range(own.minPct(), own.maxPct())
                    + " and " + specName + "'s limit " + range(min, max) + " do not overlap", element, rangeWords(own.minPct(), own.maxPct()),
                    specName, rangeWords(min, max));
        }
        Double aim = own == null ? null : own.aimPct();
        if (aim != null && lo != null && aim < lo) {
            aim = lo;
        }
        if (aim != null && hi != null && aim > hi) {
            aim = hi;
        }
        return new ElementTarget(element, lo, aim, hi);
    }

    private static Set<String> elementsBroughtIn(Recipe recipe) {
        Set<String> out = new LinkedHashSet<>(recipe.heel().composition().wtPct().keySet());
        for (Material m : recipe.materials()) {
            if (m.kind() == MaterialKind.COMPOUND) {
                out.add(m.deliveredElement());
            } else if (m.composition() != null) {
                out.addAll(m.composition().wtPct().keySet());
                out.add(m.composition().balanceElement());
            }
        }
        return out;
    }

    private static Double maxOf(Double a, Double b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Double.valueOf(Math.max(a, b));
    }

    private static Double minOf(Double a, Double b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Double.valueOf(Math.min(a, b));
    }

    /** A range as a message: "1.8-2.2 %", "≥ 1.8 %" or "≤ 0.15 %". */
    private static Message rangeWords(Double min, Double max) {
        return min != null && max != null ? Message.of("comply.range.both", range(min, max), min, max)
                : min != null ? Message.of("comply.range.min", range(min, max), min)
                : Message.of("comply.range.max", range(min, max), max);
    }

    private static String range(Double min, Double max) {
        return (min == null ? "" : min + " ") + "to" + (max == null ? "" : " " + max) + " %";
    }

    /**
     * The two solves side by side.
     *
     * @param constrained    the recipe with the specification's limits added
     * @param before         the charge of the recipe as it is
     * @param after          the charge with the limits (may be INFEASIBLE, with its diagnosis)
     * @param reportAfter    the new product against the specification, or null when infeasible
     * @param costDifference after's cost minus before's, or null when either is infeasible
     * @param notes          what the re-solve could not enforce
     */
    public record Outcome(Recipe constrained, ChargeResult before, ChargeResult after, ComplianceReport reportAfter,
                          Double costDifference, List<String> notes) {
        public Outcome {
            notes = List.copyOf(notes);
        }
    }
}
