package ca.scalloy.engine.charge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ca.scalloy.engine.lp.LinearProgram;

/**
 * One linear program built from a {@link ChargeModel}: a variable per material (kg, or pieces for
 * whole-piece materials), then slack variables (elastic form) or aim deviations. Rows: the flux
 * links, non-negative elements, the product mass and the element limits.
 */
final class ChargeProgram {

    /** Product mass must stay above this in a free-mass problem (kg), to keep wt% defined. */
    private static final double MIN_PRODUCT_KG = 1e-6;

    /**
     * The row of one side of an element limit ({@code kg of E − pct/100 · product kg}, at least 0 for a
     * minimum, at most 0 for a maximum, the heel on the right-hand side).
     */
    record LimitRow(String element, boolean max, double limitPct, int row) {
    }

    /** A priced violation of one limit in the elastic program, and the variable that measures it (kg). */
    record Slack(Diagnosis.Kind kind, String element, double limit, int variable) {
    }

    final ChargeModel model;
    final LinearProgram.Builder builder = new LinearProgram.Builder();
    final boolean elastic;
    final List<Slack> slacks = new ArrayList<>();
    final List<LimitRow> limitRows = new ArrayList<>();
    /**
     * The floors at 0 kg of the elements a compound's reduction takes out of the metal (the aluminium that
     * reduces it), as the minimum of a 0 wt% limit: the row is the element's kg in the product.
     */
    final List<LimitRow> floorRows = new ArrayList<>();
    final double[] cost;
    final double[] co2;

    private ChargeProgram(ChargeModel model, boolean elastic) {
        this.model = model;
        this.elastic = elastic;
        int n = model.materials.size();
        cost = new double[n];
        co2 = new double[n];
        for (int j = 0; j < n; j++) {
            cost[j] = model.materials.get(j).pricePerKg() * model.scale[j];
            co2[j] = model.materials.get(j).co2KgPerKg() * model.scale[j];
        }
    }

    static ChargeProgram build(ChargeModel model, boolean elastic, boolean relaxIntegers) {
        return build(model, elastic, relaxIntegers, true);
    }

    /**
     * @param elastic       every limit may be violated through a priced slack
     * @param relaxIntegers whole-piece variables become continuous
     * @param withLimits    element limits are included (false: only masses, stocks, fluxes)
     */
    static ChargeProgram build(ChargeModel model, boolean elastic, boolean relaxIntegers, boolean withLimits) {
        return build(model, elastic, relaxIntegers, withLimits ? model.recipe.targets() : List.of(), true, true);
    }

    /**
     * A program with a chosen set of limits, for the diagnosis's "what if" questions.
     *
     * @param targets    the element limits to state (elements of the model's recipe only)
     * @param batchMass  whether the recipe's batch mass (if any) is stated; without it the product mass is free
     * @param capacity   whether the recipe's furnace capacity (if any) is stated
     */
    static ChargeProgram build(ChargeModel model, boolean elastic, boolean relaxIntegers, List<ElementTarget> targets,
                               boolean batchMass, boolean capacity) {
        ChargeProgram p = new ChargeProgram(model, elastic);
        p.addMaterialVariables(relaxIntegers);
        p.addFluxLinks();
        p.addNonNegativeElements();
        p.addProductMass(batchMass, capacity);
        p.addElementLimits(targets);
        return p;
    }

    private void addMaterialVariables(boolean relaxIntegers) {
        for (int j = 0; j < model.materials.size(); j++) {
            Material m = model.materials.get(j);
            double lo;
            double hi;
            if (m.fixedKg() != null) {
                lo = m.fixedKg();
                hi = m.fixedKg();
            } else {
                lo = m.minKg() == null ? 0 : m.minKg();
                hi = m.maxKg() == null ? Double.POSITIVE_INFINITY : m.maxKg();
            }
            boolean integer = model.integer[j];
            if (integer) {
                lo = Math.ceil(lo / model.scale[j] - 1e-9);
                hi = Double.isInfinite(hi) ? hi : Math.floor(hi / model.scale[j] + 1e-9);
            }
            builder.addVariable(m.id(), lo, Math.max(lo, hi), integer && !relaxIntegers);
        }
    }

    /** Each flux follows the compounds charged under it: flux kg = Σ ratio × compound kg (at least, if it has its own stock floor). */
    private void addFluxLinks() {
        int n = model.materials.size();
        for (int f = 0; f < n; f++) {
            Material flux = model.materials.get(f);
            if (flux.kind() != MaterialKind.FLUX) {
                continue;
            }
            double[] row = new double[n];
            boolean linked = false;
            for (int c = 0; c < n; c++) {
                FluxLink link = model.materials.get(c).flux();
                if (link != null && link.materialId().equals(flux.id())) {
                    row[c] -= link.kgPerKg() * model.scale[c];
                    linked = true;
                }
            }
            if (!linked) {
                continue;
            }
            row[f] += model.scale[f];
            boolean ownFloor = flux.fixedKg() != null || (flux.minKg() != null && flux.minKg() > 0);
            builder.addConstraint("flux " + flux.id(), row, 0, ownFloor ? Double.POSITIVE_INFINITY : 0);
        }
    }

    private void addNonNegativeElements() {
        for (int e : model.elementsThatCanGoNegative()) {
            String el = model.elements.get(e);
            floorRows.add(new LimitRow(el, false, 0, builder.constraintCount()));
            addAtLeast("non-negative " + el, model.elementRow(e), -model.heelKg[e],
                    Diagnosis.Kind.ELEMENT_NEGATIVE, el, 0);
        }
    }

    private void addProductMass(boolean batchMass, boolean capacity) {
        Recipe r = model.recipe;
        double[] row = model.productYield.clone();
        double heel = model.heelMassKg;
        if (batchMass && r.batchMassKg() != null) {
            double b = r.batchMassKg();
            double tol = r.wholePieces() ? b * r.batchMassTolerancePct() / 100 : 0;
            if (elastic) {
                // one slack for each side, so that the diagnosis can say which way the mass falls short
                addAtLeast("batch mass", row, b - tol - heel, Diagnosis.Kind.PRODUCT_MASS, null, b);
                addAtMost("batch mass", row, b + tol - heel, Diagnosis.Kind.PRODUCT_MASS, null, b);
            } else {
                // One ranged row (an equality when there is no tolerance): as two rows, both at their bound, the
                // optimal vertex was degenerate on every solve, which the sensitivity's ranging had to walk through.
                builder.addConstraint("batch mass", row, b - tol - heel, b + tol - heel);
            }
        } else {
            builder.addConstraint("product mass positive", row, MIN_PRODUCT_KG - heel, Double.POSITIVE_INFINITY);
        }
        if (capacity && r.maxProductMassKg() != null) {
            addAtMost("furnace capacity", row, r.maxProductMassKg() - heel, Diagnosis.Kind.PRODUCT_MASS_MAX, null,
                    r.maxProductMassKg());
        }
    }

    private void addElementLimits(List<ElementTarget> targets) {
        for (ElementTarget t : targets) {
            int e = model.elementIndex(t.element());
            if (t.minPct() != null && t.minPct() > 0) {
                limitRows.add(new LimitRow(t.element(), false, t.minPct(), builder.constraintCount()));
                addAtLeast(t.element() + " min", model.elementShareRow(e, t.minPct()), -model.heelShare(e, t.minPct()),
                        Diagnosis.Kind.ELEMENT_MIN, t.element(), t.minPct());
            }
            if (t.maxPct() != null) {
                limitRows.add(new LimitRow(t.element(), true, t.maxPct(), builder.constraintCount()));
                addAtMost(t.element() + " max", model.elementShareRow(e, t.maxPct()), -model.heelShare(e, t.maxPct()),
                        Diagnosis.Kind.ELEMENT_MAX, t.element(), t.maxPct());
            }
        }
    }

    private void addAtLeast(String name, double[] row, double lower, Diagnosis.Kind kind, String element, double limit) {
        if (elastic) {
            row = withSlack(row, +1, kind, element, limit);
        }
        builder.addConstraint(name, row, lower, Double.POSITIVE_INFINITY);
    }

    private void addAtMost(String name, double[] row, double upper, Diagnosis.Kind kind, String element, double limit) {
        if (elastic) {
            row = withSlack(row, -1, kind, element, limit);
        }
        builder.addConstraint(name, row, Double.NEGATIVE_INFINITY, upper);
    }

    private double[] withSlack(double[] row, double sign, Diagnosis.Kind kind, String element, double limit) {
        int s = builder.addVariable("slack " + kind + " " + element, 0, Double.POSITIVE_INFINITY, false);
        slacks.add(new Slack(kind, element, limit, s));
        double[] r = Arrays.copyOf(row, s + 1);
        r[s] = sign;
        return r;
    }

    /** Objective of the elastic program: the violations, each in % of the reference mass. */
    double[] slackObjective() {
        double[] obj = new double[builder.variableCount()];
        for (Slack s : slacks) {
            obj[s.variable()] = 100 / model.refMassKg;
        }
        return obj;
    }

    /**
     * Adds a deviation variable per aimed element, {@code d ≥ |wt% − aim|} (the wt% taken on the
     * reference mass), and returns the objective Σ weight × d.
     */
    double[] addAimDeviations() {
        List<int[]> devs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (ElementTarget t : model.recipe.targets()) {
            if (t.aimPct() == null) {
                continue;
            }
            int e = model.elementIndex(t.element());
            int d = builder.addVariable("deviation " + t.element(), 0, Double.POSITIVE_INFINITY, false);
            double k = 100 / model.refMassKg;
            double[] share = model.elementShareRow(e, t.aimPct());
            double heel = model.heelShare(e, t.aimPct());
            double[] up = new double[d + 1];
            double[] down = new double[d + 1];
            for (int j = 0; j < share.length; j++) {
                up[j] = -k * share[j];
                down[j] = k * share[j];
            }
            up[d] = 1;
            down[d] = 1;
            // d ≥ k·(share·x + heel) and d ≥ −k·(share·x + heel)
            builder.addConstraint("aim+ " + t.element(), up, k * heel, Double.POSITIVE_INFINITY);
            builder.addConstraint("aim- " + t.element(), down, -k * heel, Double.POSITIVE_INFINITY);
            devs.add(new int[] {d});
            weights.add(t.aimWeight());
        }
        double[] obj = new double[builder.variableCount()];
        for (int i = 0; i < devs.size(); i++) {
            obj[devs.get(i)[0]] = weights.get(i);
        }
        return obj;
    }
}
