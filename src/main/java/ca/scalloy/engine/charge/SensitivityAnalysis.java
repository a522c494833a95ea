package ca.scalloy.engine.charge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ca.scalloy.engine.lp.LinearProgram;
import ca.scalloy.engine.lp.LpSensitivity;

/**
 * The sensitivity of a solved charge, from the optimal basis of each stage's LP ({@link LpSensitivity}).
 *
 * <p>A limit's rows state {@code kg of E − pct/100 · product kg} against the heel's share; relaxing the
 * limit by δ percentage points moves both the coefficients and the right-hand side, and the envelope
 * theorem gives the rate: the row's slack grows by {@code product kg / 100} per point, so the objective
 * falls by {@code |dual| · product kg / 100}. A robust charge's limit also has its cone (the tangent
 * cuts of {@link ChanceConstraints}); their duals are priced by the cone's own slope
 * ({@link ChanceConstraints#marginSlope}). With two stages (AIM, MIN_CO2) the cost stage holds the first
 * stage's optimum V1, which the relaxation moves too: {@code fall of cost = direct fall + dual of the hold
 * row · fall of V1} (the hold row's dual is ≤ 0). Prices enter only the cost stage, so price ranges come
 * from the last stage's basis; CO2 factors (under MIN_CO2) from the first stage's.
 */
final class SensitivityAnalysis {

    /** A limit or cone counts as holding the charge within this, wt% of the product. */
    private static final double BINDING_TOLERANCE_PCT = 1e-6;

    private SensitivityAnalysis() {
    }

    static ChargeSensitivity of(ChargeCalculator.Solved s) {
        Recipe r = s.model().recipe;
        Objective objective = r.objective();
        if (!s.result().solved()) {
            return ChargeSensitivity.unavailable(objective, ChargeSensitivity.Unavailable.INFEASIBLE);
        }
        for (boolean integer : s.model().integer) {
            if (integer) {
                return ChargeSensitivity.unavailable(objective, ChargeSensitivity.Unavailable.WHOLE_PIECES);
            }
        }
        int expected = objective == Objective.MIN_COST ? 1 : 2;
        if (s.stages().size() != expected) {
            return ChargeSensitivity.unavailable(objective, ChargeSensitivity.Unavailable.NO_BASIS);
        }
        double[] x = s.x();
        ChargeCalculator.Stage last = s.stages().get(expected - 1);
        Optional<LpSensitivity> costStage = LpSensitivity.of(last.program(), last.solution());
        Optional<LpSensitivity> firstStage = Optional.empty();
        int holdRow = -1;
        if (expected == 2) {
            holdRow = s.stages().get(0).holdRow();
            // The last stage's basis serves when the hold row is slack (its logical basic, its row dropped); with the
            // hold row at its bound the basis is recovered from x.
            firstStage = LpSensitivity.of(withoutRow(last.program(), s.stages().get(0).program(), holdRow), x,
                    last.solution().basis());
        }
        if (costStage.isEmpty() || (expected == 2 && firstStage.isEmpty())) {
            return ChargeSensitivity.unavailable(objective, ChargeSensitivity.Unavailable.NO_BASIS);
        }
        ChargeModel model = s.model();
        double productKg = model.productKg(x);
        boolean curved = movesAlongCone(s, last.program(), costStage.get(), x);
        List<ChargeProgram.LimitRow> limitRows = s.program().limitRows;
        ChargeSensitivity.LimitSensitivity[] limits = new ChargeSensitivity.LimitSensitivity[limitRows.size()];
        for (int i = 0; i < limits.length; i++) {
            ChargeProgram.LimitRow row = limitRows.get(i);
            double costFall = fall(row, costStage.get(), s, x, productKg);
            Double co2Fall = null;
            if (expected == 2) {
                double firstFall = fall(row, firstStage.get(), s, x, productKg);
                costFall += costStage.get().dual(holdRow) * firstFall;
                if (objective == Objective.MIN_CO2) {
                    co2Fall = clean(firstFall);
                }
            }
            boolean binding = costStage.get().active(row.row()) || coneHolds(row, s, x, productKg);
            limits[i] = new ChargeSensitivity.LimitSensitivity(row.element(),
                    row.max() ? ChargeSensitivity.Bound.MAX : ChargeSensitivity.Bound.MIN, row.limitPct(), binding,
                    clean(costFall), co2Fall);
        }
        ChargeSensitivity.PriceRange[] materials = new ChargeSensitivity.PriceRange[model.materials.size()];
        for (int j = 0; j < materials.length; j++) {
            Material m = model.materials.get(j);
            // as the charge's own lines count it (ChargeCalculator.report: one line per material of at least 1e-9 kg)
            boolean charged = Math.max(0, model.massKg(j, x[j])) > 1e-9;
            boolean moves = curved && charged && m.fixedKg() == null;
            LpSensitivity cost = costStage.get();
            Double priceLow = low(cost, j, model.scale[j], m.pricePerKg(), moves);
            Double priceHigh = high(cost, j, model.scale[j], m.pricePerKg(), moves);
            Double co2Low = null;
            Double co2High = null;
            if (objective == Objective.MIN_CO2) {
                co2Low = low(firstStage.get(), j, model.scale[j], m.co2KgPerKg(), moves);
                co2High = high(firstStage.get(), j, model.scale[j], m.co2KgPerKg(), moves);
            }
            materials[j] = new ChargeSensitivity.PriceRange(m.id(), charged, m.pricePerKg(), priceLow, priceHigh, m.co2KgPerKg(),
                    co2Low, co2High);
        }
        return new ChargeSensitivity(objective, List.of(limits), List.of(materials), null, curved);
    }

    /**
     * The program of the first stage at the final charge: every row of the last program (the later cuts
     * included, so that the final charge is one of its vertices) but the hold row, with the first stage's
     * objective.
     */
    private static LinearProgram withoutRow(LinearProgram last, LinearProgram first, int skip) {
        LinearProgram.Builder b = new LinearProgram.Builder();
        for (LinearProgram.Variable v : last.variables()) {
            b.addVariable(v.name(), v.lower(), v.upper(), v.integer());
        }
        List<LinearProgram.Constraint> rows = last.constraints();
        for (int r = 0; r < rows.size(); r++) {
            LinearProgram.Constraint c = rows.get(r);
            // Keep the row count and indices: the skipped row becomes an empty free row.
            if (r == skip) {
                b.addConstraint(c.name(), new double[0], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            } else {
                b.addConstraint(c.name(), c.coefficients(), c.lower(), c.upper());
            }
        }
        double[] obj = new double[last.variables().size()];
        for (int i = 0; i < obj.length; i++) {
            obj[i] = first.objective(i);
        }
        return b.objective(obj).build();
    }

    /** The fall of a stage's objective per percentage point of relaxation of one limit. */
    private static double fall(ChargeProgram.LimitRow row, LpSensitivity stage, ChargeCalculator.Solved s, double[] x,
                               double productKg) {
        // A minimum is a ≥ row (dual ≥ 0), a maximum a ≤ row (dual ≤ 0): the fall is |dual| times the slack's growth.
        double orientation = row.max() ? -1 : 1;
        double fall = orientation * stage.dual(row.row()) * productKg / 100;
        ChanceConstraints chance = s.chance();
        if (chance != null) {
            for (ChanceConstraints.Cut cut : chance.cuts) {
                ChanceConstraints.Chance c = chance.chances.get(cut.chance());
                if (c.limit().row() == row.row() && cut.row() < stage.rowCount()) {
                    fall += orientation * stage.dual(cut.row()) * chance.marginSlope(c, x);
                }
            }
        }
        return fall;
    }

    /**
     * Whether the charge sits on a curved part of the robust feasible set: the active linear rows and
     * bounds leave more free directions than there are tight cones, so the charge slides along a cone
     * as any price changes. When they leave as many (or fewer), the cones pin the charge down and the
     * LP's ranging (with the tangent cuts at the charge) is the true one.
     */
    private static boolean movesAlongCone(ChargeCalculator.Solved s, LinearProgram lp, LpSensitivity stage, double[] x) {
        ChanceConstraints chance = s.chance();
        if (chance == null) {
            return false;
        }
        double productKg = productKgOf(s.model(), x);
        long tight = chance.chances.stream().filter(c -> Math.abs(chance.margin(c, x)) * 100 / productKg <= BINDING_TOLERANCE_PCT)
                .count();
        if (tight == 0) {
            return false;
        }
        java.util.Set<Integer> cutRows = new java.util.HashSet<>();
        chance.cuts.forEach(c -> cutRows.add(c.row()));
        int n = lp.variables().size();
        List<double[]> normals = new ArrayList<>();
        for (int r = 0; r < lp.constraints().size(); r++) {
            if (stage.active(r) && !cutRows.contains(r)) {
                normals.add(lp.constraints().get(r).coefficients());
            }
        }
        for (int j = 0; j < n; j++) {
            LinearProgram.Variable v = lp.variables().get(j);
            double tol = 1e-8 * Math.max(1, Math.abs(x[j]));
            if (Math.abs(x[j] - v.lower()) <= tol || Math.abs(x[j] - v.upper()) <= tol) {
                double[] e = new double[n];
                e[j] = 1;
                normals.add(e);
            }
        }
        return n - rank(normals, n) > tight;
    }

    /** The rank of a set of vectors (Gram-Schmidt with a relative tolerance). */
    private static int rank(List<double[]> vectors, int n) {
        List<double[]> basis = new ArrayList<>();
        for (double[] v0 : vectors) {
            double[] v = java.util.Arrays.copyOf(v0, n);
            double norm0 = Math.sqrt(dot(v, v));
            if (norm0 == 0) {
                continue;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (double[] u : basis) {
                    double d = dot(u, v);
                    for (int i = 0; i < n; i++) {
                        v[i] -= d * u[i];
                    }
                }
            }
            double norm = Math.sqrt(dot(v, v));
            if (norm > 1e-9 * norm0) {
                for (int i = 0; i < n; i++) {
                    v[i] /= norm;
                }
                basis.add(v);
            }
        }
        return basis.size();
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static boolean coneHolds(ChargeProgram.LimitRow row, ChargeCalculator.Solved s, double[] x, double productKg) {
        ChanceConstraints chance = s.chance();
        if (chance == null) {
            return false;
        }
        return chance.chances.stream().anyMatch(c -> c.limit().row() == row.row()
                && Math.abs(chance.margin(c, x)) * 100 / productKg <= BINDING_TOLERANCE_PCT);
    }

    private static double productKgOf(ChargeModel model, double[] x) {
        return Math.max(model.productKg(x), 1e-9);
    }

    /**
     * The lower end of a variable's objective-coefficient range as a per-kg price: null where unbounded, and
     * an end at or below 0 is no end at all (no price above 0 changes the charge). A charge held by a curved
     * cone moves with any price: its range is the price itself.
     */
    private static Double low(LpSensitivity stage, int j, double scale, double perKg, boolean moves) {
        if (moves) {
            return perKg;
        }
        double low = stage.costLow(j) / scale;
        return Double.isFinite(low) && low > 0 ? clean(Math.min(low, perKg)) : null;
    }

    /** The upper end of {@link #low}'s range: null where unbounded. */
    private static Double high(LpSensitivity stage, int j, double scale, double perKg, boolean moves) {
        if (moves) {
            return perKg;
        }
        double high = stage.costHigh(j) / scale;
        return Double.isFinite(high) ? clean(Math.max(high, perKg)) : null;
    }

    /** Rounds away the solver's last digits so that a rate of 1e-13 reads as 0. */
    private static double clean(double v) {
        return Math.abs(v) < 1e-9 ? 0.0 : v;
    }
}
