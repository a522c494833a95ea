package ca.scalloy.engine.charge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ca.scalloy.engine.lp.LinearProgramSolver;
import ca.scalloy.engine.lp.LpSolution;

/**
 * Turns a {@link Recipe} into the least-cost (least-CO2, or closest-to-aim) charge that meets every
 * limit, or a diagnosis of which limits cannot hold and by how much.
 *
 * <p>The problem is linear in the material masses: with a fixed product mass every wt% limit is a
 * linear constraint, and with a free product mass {@code m_E ≥ min·M} is still linear. AIM and
 * MIN_CO2 are solved lexicographically: first the primary objective, then cost with the primary
 * held at its optimum. An infeasible target is re-solved as an elastic program (each limit may be
 * violated at a price) whose violations name the failing limits; each failing element limit is then
 * also pushed to its extreme on its own, to tell "unreachable with these materials" from "clashes
 * with the other limits".
 *
 * <p>Thread-safe if the solver is.
 */
public final class ChargeCalculator {

    /** Relative slack when a stage's optimum is held in the next stage. */
    private static final double HOLD_TOLERANCE = 1e-10;
    /** A limit violated by less than this (wt% or share of the batch mass in %) is rounding, not a diagnosis. */
    private static final double VIOLATION_TOLERANCE_PCT = 1e-6;

    private final LinearProgramSolver solver;

    public ChargeCalculator(LinearProgramSolver solver) {
        this.solver = Objects.requireNonNull(solver, "solver");
    }

    /**
     * Solves a recipe.
     *
     * @throws IllegalStateException when the LP library fails on a well-formed problem
     */
    public ChargeResult solve(Recipe recipe) {
        ChargeModel model = new ChargeModel(recipe);
        ChargeProgram p = ChargeProgram.build(model, false, false);
        double[] x = switch (recipe.objective()) {
            case MIN_COST -> solveStages(p, List.of(p.cost));
            case MIN_CO2 -> solveStages(p, List.of(p.co2, p.cost));
            case AIM -> {
                double[] aim = p.addAimDeviations();
                yield solveStages(p, List.of(aim, p.cost));
            }
        };
        if (x == null) {
            return infeasible(model, diagnose(model));
        }
        return report(model, x, ChargeStatus.OPTIMAL, List.of());
    }

    /** Solves with each objective in turn, holding every earlier one at its optimum; null if infeasible. */
    private double[] solveStages(ChargeProgram p, List<double[]> objectives) {
        double[] x = null;
        for (int s = 0; s < objectives.size(); s++) {
            double[] obj = objectives.get(s);
            LpSolution sol = solver.solve(p.builder.objective(obj).build());
            if (!sol.isOptimal()) {
                if (s == 0) {
                    return null;
                }
                break;
            }
            x = sol.values();
            if (s < objectives.size() - 1) {
                double opt = dot(obj, x);
                p.builder.addConstraint("hold stage " + s, obj, Double.NEGATIVE_INFINITY,
                        opt + HOLD_TOLERANCE * Math.max(1, Math.abs(opt)));
            }
        }
        return x;
    }

    private static double dot(double[] a, double[] x) {
        double v = 0;
        for (int i = 0; i < Math.min(a.length, x.length); i++) {
            v += a[i] * x[i];
        }
        return v;
    }

    // ---------------------------------------------------------------- diagnosis

    private List<Diagnosis> diagnose(ChargeModel model) {
        ChargeProgram relaxed = ChargeProgram.build(model, false, true);
        LpSolution rel = solver.solve(relaxed.builder.objective(relaxed.cost).build());
        if (rel.isOptimal() && model.recipe.wholePieces()) {
            Recipe r = model.recipe;
            String mass = r.batchMassKg() == null ? "the product mass"
                    : fmt(r.batchMassKg()) + " kg ± " + fmt(r.batchMassTolerancePct()) + " %";
            return List.of(new Diagnosis(Diagnosis.Kind.WHOLE_PIECES, null, r.batchMassTolerancePct(), Double.NaN, false,
                    "No charge in whole pieces meets every limit at " + mass
                            + "; a charge in part pieces does: widen batchMassTolerancePct or allow part pieces"));
        }
        ChargeProgram elastic = ChargeProgram.build(model, true, true);
        LpSolution sol = solver.solve(elastic.builder.objective(elastic.slackObjective()).build());
        if (!sol.isOptimal()) {
            throw new IllegalStateException("the elastic LP of recipe '" + model.recipe.name() + "' did not solve: " + sol.status());
        }
        double[] x = sol.values();
        double productKg = model.heelMassKg + dot(model.productYield, x);
        List<Diagnosis> out = new ArrayList<>();
        for (ChargeProgram.Slack s : elastic.slacks) {
            double violation = x[s.variable()] * 100 / model.refMassKg;
            if (violation <= VIOLATION_TOLERANCE_PCT) {
                continue;
            }
            out.add(describe(model, s, x, productKg));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("recipe '" + model.recipe.name() + "' is infeasible but no limit is violated in the elastic LP");
        }
        return out;
    }

    private Diagnosis describe(ChargeModel model, ChargeProgram.Slack s, double[] x, double productKg) {
        Recipe r = model.recipe;
        switch (s.kind()) {
            case PRODUCT_MASS, PRODUCT_MASS_MAX -> {
                String what = s.kind() == Diagnosis.Kind.PRODUCT_MASS ? "Batch mass " : "Furnace capacity ";
                return new Diagnosis(s.kind(), null, s.limit(), productKg, false, what + fmt(s.limit())
                        + " kg: the closest reachable product mass with these materials, heel and fixed charges is "
                        + fmt(productKg) + " kg");
            }
            case ELEMENT_NEGATIVE -> {
                int e = model.elementIndex(s.element());
                double kg = model.heelKg[e] + dot(model.elementRow(e), x);
                return new Diagnosis(s.kind(), s.element(), 0, kg, false, s.element()
                        + " in the product would fall below zero (" + fmt(kg) + " kg): the compounds' reduction takes more "
                        + s.element() + " than the metal charged holds; add metal or lower the compounds' fixed masses");
            }
            default -> {
                int e = model.elementIndex(s.element());
                double closestPct = productKg > 0 ? 100 * (model.heelKg[e] + dot(model.elementRow(e), x)) / productKg : 0;
                boolean isMax = s.kind() == Diagnosis.Kind.ELEMENT_MAX;
                Double extreme = r.batchMassKg() != null && !r.wholePieces() ? extremePct(model, e, isMax) : null;
                String label = s.element() + (isMax ? " max " : " min ") + fmt(s.limit()) + " %: ";
                if (extreme != null && (isMax ? extreme > s.limit() + VIOLATION_TOLERANCE_PCT
                        : extreme < s.limit() - VIOLATION_TOLERANCE_PCT)) {
                    return new Diagnosis(s.kind(), s.element(), s.limit(), extreme, true, label + "the "
                            + (isMax ? "lowest" : "highest") + " reachable with these materials is " + fmt(extreme) + " %");
                }
                List<String> partners = clashingLimits(model, s);
                String with = partners.isEmpty() ? "the other limits" : String.join(", ", partners);
                return new Diagnosis(s.kind(), s.element(), s.limit(), closestPct, false, label
                        + "cannot be met together with " + with + "; the closest charge reaches " + fmt(closestPct) + " %");
            }
        }
    }

    /**
     * The limits that give way when {@code held} is enforced: the elastic program re-solved with
     * that limit made hard; whatever is then violated is what it clashes with.
     */
    private List<String> clashingLimits(ChargeModel model, ChargeProgram.Slack held) {
        ChargeProgram elastic = ChargeProgram.build(model, true, true);
        double[] pin = new double[held.variable() + 1];
        pin[held.variable()] = 1;
        elastic.builder.addConstraint("hold " + held.kind(), pin, 0, 0);
        LpSolution sol = solver.solve(elastic.builder.objective(elastic.slackObjective()).build());
        List<String> out = new ArrayList<>();
        if (!sol.isOptimal()) {
            return out;
        }
        for (ChargeProgram.Slack s : elastic.slacks) {
            if (s.variable() != held.variable() && sol.value(s.variable()) * 100 / model.refMassKg > VIOLATION_TOLERANCE_PCT) {
                out.add(limitLabel(s));
            }
        }
        return out;
    }

    private static String limitLabel(ChargeProgram.Slack s) {
        return switch (s.kind()) {
            case ELEMENT_MIN -> s.element() + " min " + fmt(s.limit()) + " %";
            case ELEMENT_MAX -> s.element() + " max " + fmt(s.limit()) + " %";
            case ELEMENT_NEGATIVE -> s.element() + " >= 0";
            case PRODUCT_MASS -> "the batch mass " + fmt(s.limit()) + " kg";
            case PRODUCT_MASS_MAX -> "the furnace capacity " + fmt(s.limit()) + " kg";
            case WHOLE_PIECES -> "whole pieces";
        };
    }

    /** The lowest (for a max) or highest (for a min) wt% of element e any charge reaches, ignoring every limit; null if none. */
    private Double extremePct(ChargeModel model, int e, boolean lowest) {
        ChargeProgram hard = ChargeProgram.build(model, false, true, false);
        double[] row = model.elementRow(e);
        if (!lowest) {
            for (int j = 0; j < row.length; j++) {
                row[j] = -row[j];
            }
        }
        LpSolution sol = solver.solve(hard.builder.objective(row).build());
        if (!sol.isOptimal()) {
            return null;
        }
        double[] x = sol.values();
        return 100 * (model.heelKg[e] + dot(model.elementRow(e), x)) / model.recipe.batchMassKg();
    }

    // ---------------------------------------------------------------- results

    private ChargeResult infeasible(ChargeModel model, List<Diagnosis> diagnosis) {
        Recipe r = model.recipe;
        return new ChargeResult(ChargeStatus.INFEASIBLE, r.objective(), List.of(), 0, Map.of(), 0, 0, model.heelMassKg,
                model.heelMassKg, 0, 0, 0, null, List.of(), diagnosis, warnings(model));
    }

    private ChargeResult report(ChargeModel model, double[] x, ChargeStatus status, List<Diagnosis> diagnosis) {
        Recipe r = model.recipe;
        List<ChargeLine> lines = new ArrayList<>();
        double inKg = model.heelMassKg;
        double slagKg = 0;
        double drossKg = 0;
        double cost = 0;
        double co2 = 0;
        double scCharged = 0;
        double scDelivered = 0;
        int sc = model.elementIndex("Sc");
        double[] elementKg = model.heelKg.clone();
        for (int j = 0; j < model.materials.size(); j++) {
            Material m = model.materials.get(j);
            double kg = Math.max(0, model.massKg(j, x[j]));
            if (kg < 1e-9) {
                continue;
            }
            inKg += kg;
            double delivered = 0;
            for (int e = 0; e < model.elements.size(); e++) {
                double k = model.yield[j][e] / model.scale[j] * kg;
                elementKg[e] += k;
                delivered += k;
            }
            if (m.kind().isMetallic()) {
                drossKg += unrecoveredMetalKg(r, m, kg);
            } else {
                slagKg += slagKg(r, m, kg);
            }
            if (sc >= 0) {
                scCharged += m.elementContentKgPerKg("Sc") * kg;
                scDelivered += model.yield[j][sc] / model.scale[j] * kg;
            }
            cost += kg * m.pricePerKg();
            co2 += kg * m.co2KgPerKg();
            Double pieces = m.pieceMassKg() == null ? null : model.integer[j] ? (double) Math.round(x[j]) : kg / m.pieceMassKg();
            lines.add(new ChargeLine(m.id(), m.name(), m.kind(), kg, pieces, kg * m.pricePerKg(), kg * m.co2KgPerKg()));
        }
        double productKg = 0;
        for (double k : elementKg) {
            productKg += Math.max(0, k);
        }
        Map<String, Double> composition = new LinkedHashMap<>();
        for (int e = 0; e < model.elements.size(); e++) {
            double pct = productKg > 0 ? 100 * Math.max(0, elementKg[e]) / productKg : 0;
            if (pct > 1e-12 || r.target(model.elements.get(e)).isPresent()) {
                composition.put(model.elements.get(e), pct);
            }
        }
        List<LimitCheck> limits = new ArrayList<>();
        for (ElementTarget t : r.targets()) {
            double v = composition.getOrDefault(t.element(), 0.0);
            boolean within = (t.minPct() == null || v >= t.minPct() - ChargeResult.LIMIT_TOLERANCE_PCT)
                    && (t.maxPct() == null || v <= t.maxPct() + ChargeResult.LIMIT_TOLERANCE_PCT);
            limits.add(new LimitCheck(t.element(), t.minPct(), t.aimPct(), t.maxPct(), v, within));
        }
        Double scRecovery = scCharged > 1e-12 ? 100 * scDelivered / scCharged : null;
        return new ChargeResult(status, r.objective(), lines, productKg, composition, slagKg, drossKg, model.heelMassKg,
                inKg, productKg + slagKg + drossKg, cost, co2, scRecovery, limits, diagnosis, warnings(model));
    }

    /** kg of a metallic charge that goes to the dross: each element's unrecovered share, and the melt loss. */
    private static double unrecoveredMetalKg(Recipe r, Material m, double kg) {
        double lost = 0;
        for (Map.Entry<String, Double> c : m.composition().allWtPct().entrySet()) {
            double charged = kg * c.getValue() / 100;
            double rec = r.recoveryFraction(m, c.getKey());
            if (c.getKey().equals(r.balanceElement())) {
                rec *= 1 - r.meltLossPct() / 100;
            }
            lost += charged * (1 - rec);
        }
        return lost;
    }

    /**
     * kg a compound or flux sends to the slag: everything of it but the element reduced into the
     * metal, plus the aluminium that the reduction takes out of the metal.
     */
    private static double slagKg(Recipe r, Material m, double kg) {
        if (m.kind() == MaterialKind.FLUX) {
            return kg;
        }
        String el = m.deliveredElement();
        double reducedKg = kg * m.elementContentKgPerKg(el) * r.recoveryFraction(m, el);
        return kg - reducedKg + ChargeModel.aluminiumTakenKgPerKgDelivered(m) * reducedKg;
    }

    private static List<String> warnings(ChargeModel model) {
        List<String> out = new ArrayList<>();
        Recipe r = model.recipe;
        for (Material m : r.materials()) {
            if (m.kind() == MaterialKind.COMPOUND && !r.recoveryStated(m, m.deliveredElement())) {
                out.add(m.id() + ": no recovery stated for " + m.deliveredElement() + "; 100 % assumed (reduction of "
                        + m.formula() + " typically recovers 77-96 %)");
            }
        }
        return out;
    }

    /** A number for a message: up to 4 decimals, no trailing zeros. */
    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
