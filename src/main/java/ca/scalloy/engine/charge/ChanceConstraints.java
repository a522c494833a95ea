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
 *
 * <p>The aluminium a compound's reduction takes gets a cone too: its floor at 0 kg (the minimum of a
 * 0 wt% limit, {@link ChargeProgram#floorRows}) is met with the same probability, so the melt holds
 * aluminium enough to reduce the compounds at the confidence asked. A charge that used it all up at
 * nominal would run short in about half its heels, and there the analysis leaves the linear model
 * every other cone assumes (the reductions stop where the aluminium runs out, {@link MonteCarlo}).
 *
 * <p>The row is not quite normal: the product of a content and a recovery deviation makes it a quadratic
 * form in the normal deviations, skewed where both move it the same way ({@link UncertaintyModel#rowCumulants}).
 * With spreads of tens of per cent of their values the normal quantile then promised 95 % and delivered
 * 93.6 %. Each cone therefore carries its own z, the Cornish–Fisher quantile of its slack's distribution
 * from the slack's skewness and excess kurtosis at the charge ({@link #cornishFisher}), never below z_α.
 * When Kelley's method has met every cone, the z of each cone is recomputed at that charge; any that
 * rose by more than {@link #QUANTILE_TOLERANCE} is raised and the cuts resume. z only rises, so every
 * earlier cut stays a valid outer linearisation of the (now narrower) cone and the rounds end at a
 * charge meeting each cone at the z of its own distribution there (docs/decisions/0016).
 */
final class ChanceConstraints {

    /** The chance constraints are met when no cone is violated by more than this, wt% of the product. */
    static final double TOLERANCE_PCT = 1e-8;
    /** Rounds of cuts per stage before the answer is taken as it is (and reported as not converged). */
    static final int MAX_ROUNDS = 200;
    /** A cone's z is raised when its distribution at the charge asks for more than this above its current z. */
    static final double QUANTILE_TOLERANCE = 1e-4;
    /** Raises of the cones' z per solve before the answer is taken as it is (and reported as not converged). */
    static final int MAX_RAISES = 30;
    /**
     * Rounds of cuts, all stages and raises together, a solve that only asks whether a confidence can be reached may
     * spend ({@link #of(ChargeModel, ChargeProgram, Double, int, int)}). Near the highest confidence any charge reaches,
     * the cones leave a sliver that Kelley's method closes in on slowly: a level 0.005 % below it took all 200 rounds,
     * the program growing to 200 cuts and the bisection that diagnoses an unreachable confidence 25 s (another
     * problem over ten minutes). Its answer only has to say whether a charge was found.
     */
    static final int REACH_ROUNDS = 30;

    /** What ran out when the rounds stopped short of a charge meeting every cone at its own quantile. */
    enum Shortfall {
        /** A stage's {@link #MAX_ROUNDS} rounds of cuts (or the solve's budget of them), with a cone still violated. */
        ROUNDS,
        /** The {@link #MAX_RAISES} raises of the cones' quantiles, with one still asking for more. */
        RAISES,
        /**
         * The LP answered a round's cuts with the very charge they were made at, a cone still violated: its answer
         * meets those cuts only to its own tolerance, and the same cuts again cannot move it.
         */
        STALLED
    }

    /**
     * One limit's cone: its row's mean coefficients and right-hand side, the weights of its standard
     * deviation, and its third and fourth cumulants per variable (of the row {@code kg of E − pct/100 ·
     * product kg}; a maximum's slack is its negative).
     */
    record Chance(ChargeProgram.LimitRow limit, int element, double[] mean, double rhs, double[] sd,
                  UncertaintyModel.Cumulants cumulants) {
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
    /** Per cone, the quantile its cuts use now: z_α, raised by {@link #cornishFisher} at the charges met so far. */
    private final double[] zOf;
    /** Null while the rounds have not stopped short. */
    private Shortfall shortfall;
    private int rounds;
    private int raises;
    private final int maxRaises;
    /** Rounds of cuts this solve may spend in all (stages and raises together) before it stops short. */
    private final int roundBudget;
    /** The charge the last round's cuts were made at, or null before the first. */
    private double[] cutAt;

    private ChanceConstraints(ChargeModel model, UncertaintyModel uncertainty, double confidencePct, List<Chance> chances,
                              int maxRaises, int roundBudget) {
        this.maxRaises = maxRaises;
        this.roundBudget = roundBudget;
        this.model = model;
        this.uncertainty = uncertainty;
        this.confidencePct = confidencePct;
        this.z = Normal.quantile(confidencePct / 100);
        this.chances = List.copyOf(chances);
        this.zOf = new double[chances.size()];
        java.util.Arrays.fill(zOf, z);
    }

    /**
     * The cones of the program's limit rows at {@code confidencePct}, or null when there is nothing to
     * constrain (no confidence asked, a level of 50 %, or no stated deviation that reaches a limit); at most
     * {@code maxRaises} raises of the quantiles per solve ({@link #MAX_RAISES} but in the tests of that limit).
     */
    static ChanceConstraints of(ChargeModel model, ChargeProgram program, Double confidencePct, int maxRaises) {
        return of(model, program, confidencePct, maxRaises, Integer.MAX_VALUE);
    }

    /**
     * The same, stopping short once {@code roundBudget} rounds of cuts have been spent in all (the per-stage limit of
     * {@link #MAX_ROUNDS} still applies).
     */
    static ChanceConstraints of(ChargeModel model, ChargeProgram program, Double confidencePct, int maxRaises, int roundBudget) {
        return of(model, program, confidencePct, maxRaises, roundBudget, null);
    }

    /** The same with no cone on row {@code skip} (its linear row kept): what a diagnosis tries without that cone. */
    static ChanceConstraints of(ChargeModel model, ChargeProgram program, Double confidencePct, int maxRaises, int roundBudget,
                                ChargeProgram.LimitRow skip) {
        if (confidencePct == null || confidencePct <= 50) {
            return null;
        }
        UncertaintyModel u = new UncertaintyModel(model);
        if (!u.any()) {
            return null;
        }
        List<Chance> chances = new ArrayList<>();
        List<ChargeProgram.LimitRow> rows = new ArrayList<>(program.limitRows);
        rows.addAll(program.floorRows);
        for (ChargeProgram.LimitRow row : rows) {
            if (row.equals(skip)) {
                continue;
            }
            int e = model.elementIndex(row.element());
            double[] sd = u.rowSd(e, row.limitPct());
            boolean reaches = false;
            for (double v : sd) {
                reaches |= v > 0;
            }
            if (reaches) {
                chances.add(new Chance(row, e, model.elementShareRow(e, row.limitPct()), -model.heelShare(e, row.limitPct()), sd,
                        u.rowCumulants(e, row.limitPct())));
            }
        }
        return chances.isEmpty() ? null : new ChanceConstraints(model, u, confidencePct, chances, maxRaises, roundBudget);
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

    /** The quantile cone {@code c}'s cuts use now: z_α or above. */
    double z(Chance c) {
        return zOf[chances.indexOf(c)];
    }

    /** How far the charge is inside cone {@code c}, kg (negative: violated). */
    double margin(Chance c, double[] x) {
        return margin(chances.indexOf(c), x);
    }

    private double margin(int i, double[] x) {
        Chance c = chances.get(i);
        double mean = 0;
        for (int j = 0; j < c.mean().length; j++) {
            mean += c.mean()[j] * x[j];
        }
        double room = c.limit().max() ? c.rhs() - mean : mean - c.rhs();
        return room - zOf[i] * sigma(c, x);
    }

    /**
     * The skewness and excess kurtosis of cone {@code c}'s slack (the row for a minimum, its negative for
     * a maximum) at charge {@code x}: {@code {κ3/σ³, κ4/σ⁴}}, both 0 where σ is.
     */
    static double[] shape(Chance c, double[] x) {
        double sigma = sigma(c, x);
        if (sigma <= 0) {
            return new double[] {0, 0};
        }
        double k3 = 0;
        double k4 = 0;
        for (int j = 0; j < c.cumulants().third().length; j++) { // the materials; the program's further variables carry no spread
            double x2 = x[j] * x[j];
            k3 += c.cumulants().third()[j] * x2 * x[j];
            k4 += c.cumulants().fourth()[j] * x2 * x2;
        }
        double skew = (c.limit().max() ? -k3 : k3) / (sigma * sigma * sigma);
        return new double[] {skew, k4 / (sigma * sigma * sigma * sigma)};
    }

    /**
     * The z that keeps a slack of skewness γ and excess kurtosis κ at or above its mean less z·σ with
     * probability α = Φ(zα): the Cornish–Fisher expansion of its (1 − α) quantile, negated,
     * <pre>
     *   skew only:     zα − (zα² − 1)·γ/6
     *   with kurtosis: zα − (zα² − 1)·γ/6 + (zα³ − 3zα)·κ/24 − (2zα³ − 5zα)·γ²/36
     * </pre>
     * (E. A. Cornish and R. A. Fisher, Rev. Int. Stat. Inst. 5, 1937; the signs for the lower tail). The
     * larger of the two, and never below zα: a long tail towards failure (γ &lt; 0) raises z, one away from
     * it leaves zα (the limit is then met a little more often than asked). Against the exact quantiles
     * of a·ξ + b·η + β·ξη (4 million draws each, docs/decisions/0016) the skew-only expansion is close
     * at 95 % but short at 99 % where the product dominates (its kurtosis, up to 5), where the full one
     * is long; the larger kept every promise tried.
     */
    static double cornishFisher(double zAlpha, double skew, double excessKurtosis) {
        double z2 = zAlpha * zAlpha;
        double skewOnly = zAlpha - (z2 - 1) * skew / 6;
        double full = skewOnly + (z2 * zAlpha - 3 * zAlpha) * excessKurtosis / 24 - (2 * z2 * zAlpha - 5 * zAlpha) * skew * skew / 36;
        return Math.max(zAlpha, Math.max(skewOnly, full));
    }

    /**
     * Adds the tangent cut of every cone that {@code x} violates by more than the tolerance; when it
     * violates none, raises each cone's z to its distribution's at {@code x} and cuts again.
     *
     * @return how many cuts were added (0: the charge meets every chance constraint)
     */
    int cut(LinearProgram.Builder builder, double[] x) {
        if (cutAt != null && java.util.Arrays.equals(cutAt, x) && violatesAny(x)) {
            // The cuts made at this very charge are in the program and it came back: they hold here to the LP's own
            // tolerance, which the cones' is finer than. More of the same cuts cannot move it (a random problem spent
            // all 200 rounds adding one identical cut after another, the LP growing to 210 rows).
            if (shortfall == null) {
                shortfall = Shortfall.STALLED;
            }
            rounds++;
            return 0;
        }
        cutAt = x.clone();
        int added = addCuts(builder, x);
        if (added == 0 && raiseQuantiles(x)) {
            added = addCuts(builder, x);
        }
        rounds++;
        return added;
    }

    /** Raises each cone's z to the Cornish–Fisher quantile at {@code x}; whether any rose. */
    private boolean raiseQuantiles(double[] x) {
        boolean raised = false;
        for (int i = 0; i < chances.size(); i++) {
            double[] shape = shape(chances.get(i), x);
            double wanted = cornishFisher(z, shape[0], shape[1]);
            if (wanted > zOf[i] + QUANTILE_TOLERANCE) {
                if (raises >= maxRaises) {
                    if (shortfall == null) {
                        shortfall = Shortfall.RAISES;
                    }
                    return false;
                }
                zOf[i] = wanted;
                raised = true;
            }
        }
        if (raised) {
            raises++;
        }
        return raised;
    }

    /** Whether {@code x} violates some cone by more than the tolerance. */
    private boolean violatesAny(double[] x) {
        double productKg = Math.max(model.productKg(x), 1e-9);
        for (int i = 0; i < chances.size(); i++) {
            if (violated(i, x, productKg)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code x} violates cone i by more than the tolerance (a cone with no spread at x has no cut to give). */
    private boolean violated(int i, double[] x, double productKg) {
        return -margin(i, x) * 100 / productKg > TOLERANCE_PCT && sigma(chances.get(i), x) > 0;
    }

    private int addCuts(LinearProgram.Builder builder, double[] x) {
        double productKg = Math.max(model.productKg(x), 1e-9);
        int added = 0;
        for (int i = 0; i < chances.size(); i++) {
            if (!violated(i, x, productKg)) {
                continue;
            }
            Chance c = chances.get(i);
            double sigma = sigma(c, x);
            double[] row = c.mean().clone();
            double sign = c.limit().max() ? 1 : -1;
            for (int j = 0; j < row.length; j++) {
                row[j] += sign * zOf[i] * c.sd()[j] * c.sd()[j] * x[j] / sigma;
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
        return added;
    }

    /** Whether a stage that still violates a cone after {@code round} + 1 rounds must stop short. */
    boolean outOfRounds(int round) {
        return round + 1 >= MAX_ROUNDS || rounds >= roundBudget;
    }

    /** A stage ran out of rounds with a cone still violated. */
    void notConverged() {
        if (shortfall == null) {
            shortfall = Shortfall.ROUNDS;
        }
    }

    boolean converged() {
        return shortfall == null;
    }

    /** What ran out, or null when the rounds ended at a charge meeting every cone. */
    Shortfall shortfall() {
        return shortfall;
    }

    int rounds() {
        return rounds;
    }

    /** How many times the cones' quantiles were raised so far (each raise lifts at least one z; they never fall). */
    int raises() {
        return raises;
    }

    /**
     * ∂(margin of cone c)/∂δ at x for a relaxation of its limit by δ percentage points (a minimum
     * lowered, a maximum raised): the product mass / 100 from the mean, less z times the change of σ.
     * The cone's own z is held (its change with the limit, through the skew, is of the next order).
     */
    double marginSlope(Chance c, double[] x) {
        double slopePerPct = uncertainty.rowSdSlope(c.element(), c.limit().limitPct(), x);
        double dPct = c.limit().max() ? 1 : -1;
        return model.productKg(x) / 100 - z(c) * slopePerPct * dPct;
    }
}
