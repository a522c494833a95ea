package ca.scalloy.engine.charge;

import java.util.ArrayList;
import java.util.List;

import ca.scalloy.engine.lp.LinearProgram;

/**
 * Individual chance constraints on the composition limits, solved by outer linearisation on the LP.
 *
 * <p>With independent normal deviations ({@link UncertaintyModel}), the row of a limit, {@code kg of E
 * − pct/100 · product kg}, is normal with mean {@code a·x + heel term} and standard deviation
 * {@code σ(x) = ‖s ∘ x‖₂}. "Met with probability at least α" is then {@code a·x − rhs ≥ z_α·σ(x)} for
 * a minimum ({@code rhs − a·x ≥ z_α·σ(x)} for a maximum), z_α = Φ⁻¹(α): a second-order cone. The norm
 * is convex, so its tangent at any charge x̂, {@code σ(x) ≥ (s² ∘ x̂)·x / σ(x̂)}, gives a linear cut
 * that every charge meeting the cone also meets. Kelley's method: solve the LP, add the tangent cut
 * of every cone the answer violates by more than {@link #TOLERANCE_PCT} (as wt% of the product), and
 * solve again, until none does. The nominal rows stay in the program, so a robust charge never breaks
 * a deterministic limit.
 */
final class ChanceConstraints {

    /** The chance constraints are met when no cone is violated by more than this, wt% of the product. */
    static final double TOLERANCE_PCT = 1e-8;
    /** Rounds of cuts per stage before the answer is taken as it is (and reported as not converged). */
    static final int MAX_ROUNDS = 200;

    /** One limit's cone: its row's mean coefficients and right-hand side, and the weights of its standard deviation. */
    record Chance(ChargeProgram.LimitRow limit, int element, double[] mean, double rhs, double[] sd) {
    }

    /** A cut in the program, for chance constraint {@code chance}. */
    record Cut(int chance, int row) {
    }

    private final ChargeModel model;
    private final UncertaintyModel uncertainty;
    final double z;
    final double confidencePct;
    final List<Chance> chances;
    final List<Cut> cuts = new ArrayList<>();
    private boolean converged = true;
    private int rounds;

    private ChanceConstraints(ChargeModel model, UncertaintyModel uncertainty, double confidencePct, List<Chance> chances) {
        this.model = model;
        this.uncertainty = uncertainty;
        this.confidencePct = confidencePct;
        this.z = Normal.quantile(confidencePct / 100);
        this.chances = List.copyOf(chances);
    }

    /**
     * The cones of the program's limit rows at {@code confidencePct}, or null when there is nothing to
     * constrain (no confidence asked, a level of 50 %, or no stated deviation that reaches a limit).
     */
    static ChanceConstraints of(ChargeModel model, ChargeProgram program, Double confidencePct) {
        if (confidencePct == null || confidencePct <= 50) {
            return null;
        }
        UncertaintyModel u = new UncertaintyModel(model);
        if (!u.any()) {
            return null;
        }
        List<Chance> chances = new ArrayList<>();
        for (ChargeProgram.LimitRow row : program.limitRows) {
            int e = model.elementIndex(row.element());
            double[] sd = u.rowSd(e, row.limitPct());
            boolean reaches = false;
            for (double v : sd) {
                reaches |= v > 0;
            }
            if (reaches) {
                chances.add(new Chance(row, e, model.elementShareRow(e, row.limitPct()), -model.heelShare(e, row.limitPct()), sd));
            }
        }
        return chances.isEmpty() ? null : new ChanceConstraints(model, u, confidencePct, chances);
    }

    /** σ(x) of a cone, kg. */
    static double sigma(Chance c, double[] x) {
        double s = 0;
        for (int j = 0; j < c.sd().length; j++) {
            double v = c.sd()[j] * x[j];
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** How far the charge is inside cone {@code c}, kg (negative: violated). */
    double margin(Chance c, double[] x) {
        double mean = 0;
        for (int j = 0; j < c.mean().length; j++) {
            mean += c.mean()[j] * x[j];
        }
        double room = c.limit().max() ? c.rhs() - mean : mean - c.rhs();
        return room - z * sigma(c, x);
    }

    /**
     * Adds the tangent cut of every cone that {@code x} violates by more than the tolerance.
     *
     * @return how many cuts were added (0: the charge meets every chance constraint)
     */
    int cut(LinearProgram.Builder builder, double[] x) {
        double productKg = Math.max(model.productKg(x), 1e-9);
        int added = 0;
        for (int i = 0; i < chances.size(); i++) {
            Chance c = chances.get(i);
            if (-margin(c, x) * 100 / productKg <= TOLERANCE_PCT) {
                continue;
            }
            double sigma = sigma(c, x);
            if (sigma <= 0) {
                continue;
            }
            double[] row = c.mean().clone();
            double sign = c.limit().max() ? 1 : -1;
            for (int j = 0; j < row.length; j++) {
                row[j] += sign * z * c.sd()[j] * c.sd()[j] * x[j] / sigma;
            }
            cuts.add(new Cut(i, builder.constraintCount()));
            String name = "chance " + c.limit().element() + (c.limit().max() ? " max" : " min") + " cut " + cuts.size();
            if (c.limit().max()) {
                builder.addConstraint(name, row, Double.NEGATIVE_INFINITY, c.rhs());
            } else {
                builder.addConstraint(name, row, c.rhs(), Double.POSITIVE_INFINITY);
            }
            added++;
        }
        rounds++;
        return added;
    }

    /** A stage ran out of rounds with a cone still violated. */
    void notConverged() {
        converged = false;
    }

    boolean converged() {
        return converged;
    }

    int rounds() {
        return rounds;
    }

    /**
     * ∂(margin of cone c)/∂δ at x for a relaxation of its limit by δ percentage points (a minimum
     * lowered, a maximum raised): the product mass / 100 from the mean, less z times the change of σ.
     */
    double marginSlope(Chance c, double[] x) {
        double slopePerPct = uncertainty.rowSdSlope(c.element(), c.limit().limitPct(), x);
        double dPct = c.limit().max() ? 1 : -1;
        return model.productKg(x) / 100 - z * slopePerPct * dPct;
    }
}
