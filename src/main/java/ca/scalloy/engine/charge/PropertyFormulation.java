package ca.scalloy.engine.charge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.props.Band;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.engine.props.PropertyConditions;
import ca.scalloy.engine.props.PropertyValues;

/**
 * The least-cost (or least-CO2) charge that meets the composition limits and the property targets of a recipe,
 * by sequential linear programming with a trust region on the product composition (issue 14, point 2).
 *
 * <p>Each iteration linearises every targeted property around the current product composition c̄ by forward
 * differences of {@link PropertyCalculator} (with the target's process and schedule), over the design elements:
 * those some material brings as a main constituent (at least {@link #DESIGN_MIN_PCT} wt%). A linearised target
 * {@code P(c̄) + Σ g_d (c_d − c̄_d) ≥ min} times the product mass M/100 is linear in the charge
 * ({@code Σ g_d kg_d − M·(Σ g_d c̄_d + min − P(c̄))/100 ≥ 0}), as the composition limits are; it gets a priced
 * shortfall variable (the ℓ1 exact penalty, so the linear program always has an answer), and each design element
 * is kept within ±Δ_d of c̄ by two more rows of the same form. The step is then judged with the true models on the
 * merit {@code objective + μ · Σ shortfall/limit}: accepted when it realises at least a tenth of the reduction the
 * linear model predicted, the region grown when the step reached its edge and the prediction held, shrunk when it
 * did not; a step the curvature left short of a target gets one second-order correction (the linearisation shifted
 * by what it missed at the trial) before it is judged. The search keeps the cheapest charge that met every target
 * and stops when the linear model sees nothing left to gain, when an accepted step between two charges that meet
 * the targets gains less than {@link #STALL_RELATIVE} of the objective, or when the region has shrunk below
 * {@link #RADIUS_MIN}. A charge the composition-only program already finds meeting every target is the answer as
 * it is. Each linearised limit is aimed {@link #TOLERANCE_RELATIVE}/2 inside the target, so that the
 * last step lands within it rather than a rounding short.
 *
 * <p>The search estimates only the properties its targets name ({@link PropertyCalculator#compute(Composition,
 * PropertyConditions, Set)}: the same numbers as the full estimate, without the steps they do not rest on; a yield
 * strength after RAPID needs neither the liquidus nor the growth restriction factor, which were 87 % of the full
 * estimate of a Zr-bearing alloy). Each estimate of a yield strength still runs the precipitation kinetics, so the
 * search spends them sparingly (issue 14's ≤ 200 ms): once a step lands on a charge that meets the targets, the
 * slopes are carried to it by a secant (Broyden) update from the two estimates already made rather than differenced again, unless the update
 * turns a slope round or changes it more than {@link #SECANT_RATIO_MAX}-fold (the models' numerical noise over a
 * small step); a rejected step, an infeasible program or a missed target differences them afresh. The search stops
 * only on slopes differenced at the last charge, as before, and the last charge's estimates are its outcomes (the
 * caller still verifies the reported product with the full models).
 *
 * <p>The answer is checked again with the full models on the reported product composition; a target still missed
 * after the search gets a diagnosis naming the closest value the search reached and the composition limits at
 * which it stopped (the penalty outweighs any cost, so the search ends where the shortfall is least).
 * Elements that are only impurities of the materials (Fe, Si in a master alloy) move with the charge but are not
 * differentiated: the true models judge each step with them, so the answer is still verified.
 */
final class PropertyFormulation {

    /** A target is met when its value is outside it by no more than this share of the limit (at least 1 unit × this). */
    static final double TOLERANCE_RELATIVE = 1e-4;
    /** An element that some material holds at this wt% or more is a design variable of the linearisation. */
    static final double DESIGN_MIN_PCT = 1.0;
    /** The first trust radius, as a share of each design element's scale. */
    private static final double RADIUS_START = 0.25;
    /** The largest trust radius. */
    private static final double RADIUS_MAX = 2.0;
    /** The search stops when the radius is below this share of each element's scale. */
    static final double RADIUS_MIN = 1e-5;
    /** At most this many linear programs. */
    static final int MAX_ITERATIONS = 60;
    /** The penalty per unit of relative shortfall, as a multiple of the starting charge's objective (at least 1). */
    private static final double PENALTY = 1e3;
    /** The search stops when the linear model, or an accepted step, gains less than this share of the merit. */
    static final double STALL_RELATIVE = 1e-9;
    /** Forward-difference step, wt%: at least this, or {@link #STEP_RELATIVE} of the content. */
    private static final double STEP_MIN_PCT = 2e-3;
    private static final double STEP_RELATIVE = 1e-2;
    /** The forward-difference step is at least this share of the trust radius. */
    private static final double SECANT_SHARE = 0.25;
    /**
     * A secant update that turns a slope round or changes it by more than this factor is not trusted: over the small
     * steps near the answer the models' own numerical noise (adaptive time steps of the kinetics) can outweigh the
     * change, and the slopes are differenced again instead.
     */
    private static final double SECANT_RATIO_MAX = 2;

    /** Where the search starts (package-private, for the test that the answer does not depend on it). */
    enum Start {
        /** The best charge on the composition limits alone. */
        CHEAPEST,
        /** The charge richest in the design elements the limits allow. */
        RICHEST
    }

    /** Solves one linear program of the charge: the calculator's lexicographic stages and chance cuts. */
    interface Stages {
        /** The charge, or null when the program has none. */
        Run solve(ChargeProgram p, List<double[]> objectives);
    }

    /**
     * One program's charge.
     *
     * @param shortened a later stage found no charge holding the earlier one's optimum: {@code x} is optimal for the
     *                  earlier objective only (under MIN_CO2: of least CO2, but perhaps not the cheapest of those)
     */
    record Run(double[] x, boolean shortened) {
    }

    /**
     * A charge judged with the true models, and the models' estimates there (one per target's conditions); {@code
     * shortened} as its program's {@link Run}.
     */
    private record Point(double[] x, double[] pct, double objective, double[] values, double violation,
                         Map<PropertyConditions, PropertyValues> estimates, boolean shortened) {
    }

    private final ChargeModel model;
    private final PropertyCalculator properties;
    private final Stages stages;
    private final List<PropertyTarget> targets;
    /** The properties the targets name, by the conditions they are estimated in: all a search estimates. */
    private final Map<PropertyConditions, Set<String>> named = new LinkedHashMap<>();
    private final List<Integer> design = new ArrayList<>();
    private final double[] scale;
    private int iterations;
    private int evaluations;

    PropertyFormulation(ChargeModel model, PropertyCalculator properties, Stages stages) {
        this.model = model;
        this.properties = properties;
        this.stages = stages;
        this.targets = model.recipe.propertyTargets();
        for (PropertyTarget t : targets) {
            named.computeIfAbsent(t.conditions(), c -> new LinkedHashSet<>()).add(t.property());
        }
        for (int e = 0; e < model.elements.size(); e++) {
            String el = model.elements.get(e);
            if (el.equals(model.recipe.balanceElement())) {
                continue;
            }
            for (Material m : model.materials) {
                if (m.fixedKg() == null && m.elementContentKgPerKg(el) * 100 >= DESIGN_MIN_PCT) {
                    design.add(e);
                    break;
                }
            }
        }
        scale = new double[design.size()];
        for (int i = 0; i < design.size(); i++) {
            String el = model.elements.get(design.get(i));
            double s = 0.1;
            for (ElementTarget t : model.recipe.targets()) {
                if (t.element().equals(el) && t.minPct() != null && t.maxPct() != null && t.maxPct() > t.minPct()) {
                    s = t.maxPct() - t.minPct();
                } else if (t.element().equals(el) && t.maxPct() != null) {
                    s = Math.max(s, t.maxPct() / 2);
                }
            }
            scale[i] = s;
        }
    }

    /**
     * What the search found: the charge (variables), and each target's value and band there; {@code shortened} as the
     * {@link Run} that gave the charge.
     */
    record Found(double[] x, boolean met, List<PropertyOutcome> outcomes, List<Diagnosis> diagnosis, int iterations,
                 int evaluations, boolean shortened) {
    }

    /**
     * Searches from {@code start}; null when not even the composition limits can be met (the caller diagnoses them).
     */
    Found search(Start start) {
        ChargeProgram base = ChargeProgram.build(model, false, false);
        List<double[]> objectives = new ArrayList<>(objectivesOf(base, new double[0]));
        if (start == Start.RICHEST) {
            double[] rich = new double[model.materials.size()];
            for (int i = 0; i < design.size(); i++) {
                double[] row = model.elementShareRow(design.get(i), 0);
                for (int j = 0; j < rich.length; j++) {
                    rich[j] -= row[j] / scale[i];
                }
            }
            objectives = List.of(rich);
        }
        Run x0 = stages.solve(base, objectives);
        if (x0 == null) {
            return null;
        }
        Point k = evaluate(x0.x(), x0.shortened());
        double mu = PENALTY * Math.max(1, Math.abs(k.objective()));
        double radius = RADIUS_START;
        Point best = k.violation() == 0 ? k : null;
        boolean asSolved = start == Start.CHEAPEST && best != null;
        // the linearisation at k: forward differences (fresh), or the last ones carried along the accepted steps by
        // secant updates; null when it must be differenced again at k
        double[][] g = null;
        boolean fresh = false;
        while (!asSolved && iterations < MAX_ITERATIONS && radius >= RADIUS_MIN) {
            iterations++;
            if (g == null) {
                g = gradients(k, radius);
                fresh = true;
            }
            Step step = step(k, g, radius, mu, new double[targets.size()]);
            if (step == null) {
                radius /= 4;
                g = null;
                continue;
            }
            double merit = k.objective() + mu * k.violation();
            double predicted = merit - step.merit();
            if (predicted <= STALL_RELATIVE * Math.max(1, Math.abs(merit))) {
                if (fresh) {
                    break;
                }
                // nothing left to gain by an updated linearisation: the search ends only on differences taken here
                g = null;
                continue;
            }
            Point t = evaluate(step.x(), step.shortened());
            double rho = (merit - (t.objective() + mu * t.violation())) / predicted;
            if (rho < 0.1 && t.violation() > 0) {
                // Second-order correction: the step followed the linearised targets but the curvature left it short;
                // shift each linearised target by what the model missed at the trial and solve again.
                Step corrected = step(k, g, radius, mu, mismatch(k, t, g));
                if (corrected != null) {
                    Point c = evaluate(corrected.x(), corrected.shortened());
                    double rhoC = (merit - (c.objective() + mu * c.violation())) / predicted;
                    if (rhoC > rho) {
                        t = c;
                        rho = rhoC;
                    }
                }
            }
            if (rho >= 0.1) {
                double reach = reach(k, t, radius);
                boolean settled = k.violation() == 0 && t.violation() == 0
                        && k.objective() - t.objective() <= STALL_RELATIVE * Math.max(1, Math.abs(k.objective()));
                double[][] carried = secantUpdate(g, k, t);
                k = t;
                if (t.violation() == 0 && (best == null || t.objective() < best.objective())) {
                    best = t;
                }
                if (settled && fresh) {
                    break;
                }
                // while the targets are still missed the models are far from linear (precipitation needs a
                // supersaturation): differences again; once met, the secant updates carry the slopes along
                g = settled || t.violation() > 0 ? null : carried;
                fresh = false;
                if (rho >= 0.75 && reach > 0.9) {
                    radius = Math.min(RADIUS_MAX, 2 * radius);
                } else if (rho < 0.25) {
                    radius /= 2;
                }
            } else {
                radius /= 4;
                g = null;
            }
        }
        return found(best != null ? best : k);
    }

    private record Step(double[] x, double merit, boolean shortened) {
    }

    /**
     * The linearisation carried from k to t (Broyden's update, in each design element's scale): the least change to
     * {@code g} that makes it reproduce what the true models gave between the two charges. Directions the step did
     * not take keep their differences; null (difference again) when a value at either end is not finite or a slope
     * turns round or changes more than {@link #SECANT_RATIO_MAX}-fold.
     */
    private double[][] secantUpdate(double[][] g, Point k, Point t) {
        double[] d = new double[design.size()];
        double norm = 0;
        for (int i = 0; i < d.length; i++) {
            int e = design.get(i);
            d[i] = (t.pct()[e] - k.pct()[e]) / scale[i];
            norm += d[i] * d[i];
        }
        if (norm == 0) {
            return g;
        }
        double[][] out = new double[g.length][];
        for (int j = 0; j < g.length; j++) {
            double residual = t.values()[j] - k.values()[j];
            for (int i = 0; i < d.length; i++) {
                residual -= g[j][i] * d[i] * scale[i];
            }
            if (!Double.isFinite(residual)) {
                return null;
            }
            out[j] = g[j].clone();
            for (int i = 0; i < d.length; i++) {
                out[j][i] += residual * d[i] / (scale[i] * norm);
                double ratio = out[j][i] / g[j][i];
                if (out[j][i] != g[j][i] && !(ratio >= 1 / SECANT_RATIO_MAX && ratio <= SECANT_RATIO_MAX)) {
                    return null;
                }
            }
        }
        return out;
    }

    /** How far a step went towards the edge of the trust region (1: at the edge). */
    private double reach(Point from, Point to, double radius) {
        double reach = 0;
        for (int i = 0; i < design.size(); i++) {
            int e = design.get(i);
            reach = Math.max(reach, Math.abs(to.pct()[e] - from.pct()[e]) / (radius * scale[i]));
        }
        return reach;
    }

    /** What the linear model missed at trial t for each target: true value less the linearised one. */
    private double[] mismatch(Point k, Point t, double[][] g) {
        double[] out = new double[targets.size()];
        for (int j = 0; j < targets.size(); j++) {
            double lin = k.values()[j];
            for (int i = 0; i < design.size(); i++) {
                int e = design.get(i);
                lin += g[j][i] * (t.pct()[e] - k.pct()[e]);
            }
            double m = t.values()[j] - lin;
            out[j] = Double.isFinite(m) ? m : 0;
        }
        return out;
    }

    /**
     * One linear program: the limits, the trust region and the linearised targets with priced shortfalls, each
     * target's linearisation moved by {@code shift} (its second-order correction; zeros for none).
     */
    private Step step(Point k, double[][] gradients, double radius, double mu, double[] shift) {
        ChargeProgram p = ChargeProgram.build(model, false, false);
        for (int i = 0; i < design.size(); i++) {
            int e = design.get(i);
            String el = model.elements.get(e);
            double hi = k.pct()[e] + radius * scale[i];
            double lo = k.pct()[e] - radius * scale[i];
            p.builder.addConstraint("trust " + el + " max", model.elementShareRow(e, hi), Double.NEGATIVE_INFINITY, -model.heelShare(e, hi));
            if (lo > 0) {
                p.builder.addConstraint("trust " + el + " min", model.elementShareRow(e, lo), -model.heelShare(e, lo), Double.POSITIVE_INFINITY);
            }
        }
        double productKg = model.productKg(k.x());
        List<int[]> shortfalls = new ArrayList<>();
        List<Double> prices = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            PropertyTarget target = targets.get(t);
            double[] g = gradients[t];
            if (Double.isNaN(k.values()[t])) {
                continue;
            }
            double tol = TOLERANCE_RELATIVE * target.scale();
            for (int side = 0; side < 2; side++) {
                Double limit = side == 0 ? target.minValue() : target.maxValue();
                if (limit == null) {
                    continue;
                }
                double aimed = side == 0 ? limit + tol / 2 : limit - tol / 2;
                double kConst = aimed - k.values()[t] - shift[t];
                double[] row = new double[model.materials.size()];
                double heel = 0;
                for (int i = 0; i < design.size(); i++) {
                    int e = design.get(i);
                    kConst += g[i] * k.pct()[e];
                    double[] er = model.elementRow(e);
                    for (int j = 0; j < row.length; j++) {
                        row[j] += g[i] * er[j];
                    }
                    heel += g[i] * model.heelKg[e];
                }
                for (int j = 0; j < row.length; j++) {
                    row[j] -= kConst / 100 * model.productYield[j];
                }
                heel -= kConst / 100 * model.heelMassKg;
                int s = p.builder.addVariable("shortfall " + target.property(), 0, Double.POSITIVE_INFINITY, false);
                double[] full = java.util.Arrays.copyOf(row, s + 1);
                full[s] = side == 0 ? 1 : -1;
                if (side == 0) {
                    p.builder.addConstraint("target " + target.label(), full, -heel, Double.POSITIVE_INFINITY);
                } else {
                    p.builder.addConstraint("target " + target.label(), full, Double.NEGATIVE_INFINITY, -heel);
                }
                shortfalls.add(new int[] {s});
                // a shortfall variable of 1 is 100/M units of the property
                prices.add(mu * 100 / (productKg * target.scale()));
            }
        }
        double[] penalty = new double[p.builder.variableCount()];
        for (int i = 0; i < shortfalls.size(); i++) {
            penalty[shortfalls.get(i)[0]] = prices.get(i);
        }
        Run run = stages.solve(p, objectivesOf(p, penalty));
        if (run == null) {
            return null;
        }
        double[] x = run.x();
        double merit = primary(x);
        for (int i = 0; i < shortfalls.size(); i++) {
            merit += prices.get(i) * x[shortfalls.get(i)[0]];
        }
        return new Step(java.util.Arrays.copyOf(x, model.materials.size()), merit, run.shortened());
    }

    /** The recipe's objectives, each with the shortfalls' penalty added. */
    private List<double[]> objectivesOf(ChargeProgram p, double[] penalty) {
        List<double[]> base = model.recipe.objective() == Objective.MIN_CO2 ? List.of(p.co2, p.cost) : List.of(p.cost);
        List<double[]> out = new ArrayList<>();
        for (double[] o : base) {
            double[] with = java.util.Arrays.copyOf(penalty, Math.max(penalty.length, o.length));
            for (int j = 0; j < o.length; j++) {
                with[j] += o[j];
            }
            out.add(with);
        }
        return out;
    }

    /** The primary objective at a charge (cost, or kg CO2e under MIN_CO2). */
    private double primary(double[] x) {
        double v = 0;
        for (int j = 0; j < model.materials.size(); j++) {
            Material m = model.materials.get(j);
            double per = model.recipe.objective() == Objective.MIN_CO2 ? m.co2KgPerKg() : m.pricePerKg();
            v += per * model.scale[j] * x[j];
        }
        return v;
    }

    /**
     * ∂value/∂wt% of each target over the design elements, by forward differences at k. The step is at least a
     * quarter of the trust radius: a secant over the region rather than a tangent while the region is wide, so that a
     * property that barely moves at first (precipitation strengthening needs a supersaturation) is not taken as flat,
     * and a tangent as the region closes in.
     */
    private double[][] gradients(Point k, double radius) {
        double[][] g = new double[targets.size()][design.size()];
        for (int i = 0; i < design.size(); i++) {
            int e = design.get(i);
            double h = Math.max(Math.max(STEP_MIN_PCT, STEP_RELATIVE * k.pct()[e]), SECANT_SHARE * radius * scale[i]);
            double[] pct = k.pct().clone();
            pct[e] += h;
            double[] v = values(estimates(pct));
            for (int t = 0; t < targets.size(); t++) {
                double d = (v[t] - k.values()[t]) / h;
                g[t][i] = Double.isFinite(d) ? d : 0;
            }
        }
        return g;
    }

    private Point evaluate(double[] x, boolean shortened) {
        double productKg = model.productKg(x);
        double[] pct = new double[model.elements.size()];
        for (int e = 0; e < pct.length; e++) {
            double kg = model.heelKg[e];
            double[] row = model.elementRow(e);
            for (int j = 0; j < row.length; j++) {
                kg += row[j] * x[j];
            }
            pct[e] = productKg > 0 ? Math.max(0, 100 * kg / productKg) : 0;
        }
        Map<PropertyConditions, PropertyValues> estimates = estimates(pct);
        double[] v = values(estimates);
        return new Point(x.clone(), pct, primary(x), v, violation(v), estimates, shortened);
    }

    /** Σ of each target's shortfall over its scale, beyond the tolerance (0: every target met). */
    private double violation(double[] values) {
        double sum = 0;
        for (int t = 0; t < targets.size(); t++) {
            PropertyTarget target = targets.get(t);
            double s = target.shortfall(values[t]);
            if (Double.isInfinite(s)) {
                return Double.MAX_VALUE / 4;
            }
            if (s > TOLERANCE_RELATIVE * target.scale()) {
                sum += s / target.scale();
            }
        }
        return sum;
    }

    /**
     * The models' estimates of the targeted properties at a product composition (wt% per model element), once per
     * targets' conditions: only what the targets name and the steps it rests on (the same numbers as the full
     * estimate; a yield strength after RAPID needs neither the liquidus nor the growth restriction factor).
     */
    private Map<PropertyConditions, PropertyValues> estimates(double[] pct) {
        Composition c = composition(pct);
        Map<PropertyConditions, PropertyValues> byConditions = new LinkedHashMap<>();
        for (Map.Entry<PropertyConditions, Set<String>> en : named.entrySet()) {
            evaluations++;
            byConditions.put(en.getKey(), properties.compute(c, en.getKey(), en.getValue()));
        }
        return byConditions;
    }

    /** Each target's value in the estimates. */
    private double[] values(Map<PropertyConditions, PropertyValues> estimates) {
        double[] v = new double[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            v[t] = targets.get(t).valueIn(estimates.get(targets.get(t).conditions()));
        }
        return v;
    }

    private Composition composition(double[] pct) {
        Map<String, Double> wt = new LinkedHashMap<>();
        for (int e = 0; e < pct.length; e++) {
            String el = model.elements.get(e);
            if (!el.equals(model.recipe.balanceElement()) && pct[e] > 0) {
                wt.put(el, pct[e]);
            }
        }
        return new Composition(wt, model.recipe.balanceElement());
    }

    private Found found(Point k) {
        // the estimates k was judged with are the models' at the same composition (the caller verifies the reported
        // product with the full estimate)
        List<PropertyOutcome> outcomes = new ArrayList<>();
        for (PropertyTarget t : targets) {
            PropertyValues p = k.estimates().get(t.conditions());
            outcomes.add(outcome(t, t.valueIn(p), t.bandIn(p)));
        }
        boolean met = outcomes.stream().allMatch(PropertyOutcome::met);
        List<Diagnosis> why = new ArrayList<>();
        if (!met) {
            for (PropertyOutcome o : outcomes) {
                if (!o.met()) {
                    why.add(diagnose(o, k));
                }
            }
        }
        return new Found(k.x(), met, outcomes, why, iterations, evaluations, k.shortened());
    }

    /** Each target checked with the full models on a product composition. */
    static List<PropertyOutcome> outcomes(PropertyCalculator properties, List<PropertyTarget> targets, Composition c) {
        Map<PropertyConditions, AlloyProperties> byConditions = new LinkedHashMap<>();
        List<PropertyOutcome> out = new ArrayList<>();
        for (PropertyTarget t : targets) {
            AlloyProperties p = byConditions.computeIfAbsent(t.conditions(), x -> properties.compute(c, x));
            out.add(outcome(t, t.valueIn(p), t.bandIn(p)));
        }
        return out;
    }

    private static PropertyOutcome outcome(PropertyTarget t, double v, Band b) {
        boolean met = t.shortfall(v) <= TOLERANCE_RELATIVE * t.scale();
        return new PropertyOutcome(t, v, b == null ? Double.NaN : b.low(), b == null ? Double.NaN : b.high(), met);
    }

    /**
     * "yieldStrengthMPa min 400 after CAST 325:4 cannot be met with these materials and limits: the highest the search
     * reached is 352 MPa, at Sc 0.8 % (Sc max), Zr 0.5 % (Zr max)".
     */
    private Diagnosis diagnose(PropertyOutcome o, Point k) {
        PropertyTarget t = o.target();
        boolean low = t.minValue() != null && o.value() < t.minValue();
        double limit = low ? t.minValue() : t.maxValue();
        List<String> at = new ArrayList<>();
        List<Message> atWords = new ArrayList<>();
        for (int e : design) {
            String el = model.elements.get(e);
            double v = k.pct()[e];
            String bound = "";
            String code = "diagnosis.property.atElement";
            for (ElementTarget et : model.recipe.targets()) {
                if (!et.element().equals(el)) {
                    continue;
                }
                if (et.maxPct() != null && v >= et.maxPct() - 1e-6) {
                    bound = " (" + el + " max)";
                    code = "diagnosis.property.atElementMax";
                } else if (et.minPct() != null && v <= et.minPct() + 1e-6) {
                    bound = " (" + el + " min)";
                    code = "diagnosis.property.atElementMin";
                }
            }
            double rounded = Math.round(v * 1e4) / 1e4;
            at.add(el + " " + ChargeCalculator.fmt(rounded) + " %" + bound);
            atWords.add(Message.of(code, at.get(at.size() - 1), el, rounded));
        }
        double reached = Math.round(o.value() * 100) / 100.0;
        String unit = unit(t.property());
        String english = t.label() + " cannot be met with these materials and limits: the " + (low ? "highest" : "lowest")
                + " the search reached is " + ChargeCalculator.fmt(reached) + " " + unit
                + (at.isEmpty() ? "" : ", at " + String.join(", ", at));
        Object where = at.isEmpty() ? "" : Message.of("diagnosis.property.at", ", at " + String.join(", ", at), atWords);
        Message words = new Message(low ? "diagnosis.property.highest" : "diagnosis.property.lowest",
                List.of(t.words(), reached, unit, where), english);
        return Diagnosis.property(limit, o.value(), words);
    }

    /** The unit a property's name ends with, in words. */
    static String unit(String property) {
        if (property.endsWith("MPa")) {
            return "MPa";
        } else if (property.endsWith("C") && !property.endsWith("IACS")) {
            return "°C";
        } else if (property.endsWith("PctIACS")) {
            return "% IACS";
        } else if (property.endsWith("GPerCm3")) {
            return "g/cm³";
        } else if (property.endsWith("WtPct")) {
            return "wt%";
        } else if (property.endsWith("AtPct")) {
            return "at%";
        } else if (property.endsWith("VolumePct")) {
            return "vol%";
        } else if (property.endsWith("Um")) {
            return "µm";
        } else if (property.endsWith("MicroOhmCm")) {
            return "µΩ·cm";
        }
        return "K";
    }
}
