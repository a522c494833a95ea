package ca.scalloy.solver;

import java.util.ArrayList;
import java.util.List;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.linear.LinearSolver;

import ca.scalloy.engine.lp.BoundedSimplex;
import ca.scalloy.engine.lp.LinearProgram;
import ca.scalloy.engine.lp.LinearProgramSolver;
import ca.scalloy.engine.lp.LpSolution;

/**
 * The engine's {@link LinearProgramSolver}: continuous LPs go to the engine's own {@link BoundedSimplex}
 * (which keeps the final basis the sensitivity reads, decision 0017); whole-piece MIPs, and any LP the
 * simplex gives up on ({@code FAILED}), go to ojalgo's {@link ExpressionsBasedModel} (simplex for LPs,
 * branch and bound for MIPs). The only class that knows ojalgo; its name is kept from when ojalgo solved
 * everything, so that the composition root and the tests did not change.
 *
 * <p>ojalgo reports a solution as feasible or optimal within its own tolerances; this adapter also
 * checks every bound and constraint itself and reports {@code FAILED} rather than hand the engine a
 * charge that breaks one (the simplex checks its own answer the same way).
 */
public final class OjalgoSolver implements LinearProgramSolver {

    /** Absolute slack (in the constraint's own unit, kg here) allowed when checking ojalgo's answer. */
    private static final double CHECK_TOLERANCE = 1e-6;

    private static final BoundedSimplex SIMPLEX = new BoundedSimplex();

    private final boolean simplexFirst;

    /** The composite: the engine's simplex for continuous LPs, ojalgo for the rest. */
    public OjalgoSolver() {
        this(true);
    }

    private OjalgoSolver(boolean simplexFirst) {
        this.simplexFirst = simplexFirst;
    }

    /** ojalgo alone, for every program: the reference the simplex is checked against. */
    public static OjalgoSolver ojalgoOnly() {
        return new OjalgoSolver(false);
    }

    @Override
    public LpSolution solve(LinearProgram program) {
        if (simplexFirst && BoundedSimplex.claims(program)) {
            LpSolution own = SIMPLEX.solve(program);
            if (own.status() != LpSolution.LpStatus.FAILED) {
                return own;
            }
        }
        if (program.variables().stream().noneMatch(LinearProgram.Variable::integer)
                && program.variables().stream().allMatch(v -> Double.isFinite(v.lower()))) {
            LpSolution fast = solveDense(program);
            if (fast.status() == LpSolution.LpStatus.OPTIMAL) {
                return fast;
            }
        }
        return solveWithModel(program);
    }

    /**
     * Plain LPs go to ojalgo's dense double-precision simplex ({@link LinearSolver}), several times
     * faster than the modelling layer, which converts every coefficient to BigDecimal. That builder
     * takes non-negative variables, so each variable is shifted by its lower bound and its upper
     * bound becomes a row. Anything but a checked optimum falls back to the modelling layer, which
     * also confirms infeasibility. (The builder is marked deprecated in ojalgo 56 in favour of the
     * modelling layer; decision 0001 records why we use it and what replaces it if it goes.)
     */
    @SuppressWarnings("deprecation")
    private static LpSolution solveDense(LinearProgram program) {
        List<LinearProgram.Variable> spec = program.variables();
        int n = spec.size();
        double[] lower = new double[n];
        double[] objective = new double[n];
        for (int i = 0; i < n; i++) {
            lower[i] = spec.get(i).lower();
            objective[i] = program.objective(i);
        }
        LinearSolver.Builder b = LinearSolver.newGeneralBuilder(objective);
        for (int i = 0; i < n; i++) {
            double hi = spec.get(i).upper();
            if (Double.isFinite(hi)) {
                double[] row = new double[n];
                row[i] = 1;
                b.inequality(hi - lower[i], row);
            }
        }
        for (LinearProgram.Constraint k : program.constraints()) {
            double[] row = new double[n];
            double shift = 0;
            for (int i = 0; i < n; i++) {
                row[i] = k.coefficient(i);
                shift += row[i] * lower[i];
            }
            if (k.lower() == k.upper()) {
                b.equality(k.lower() - shift, row);
                continue;
            }
            if (Double.isFinite(k.upper())) {
                b.inequality(k.upper() - shift, row);
            }
            if (Double.isFinite(k.lower())) {
                double[] neg = new double[n];
                for (int i = 0; i < n; i++) {
                    neg[i] = -row[i];
                }
                b.inequality(shift - k.lower(), neg);
            }
        }
        Optimisation.Result result = b.build().solve();
        if (!result.getState().isOptimal()) {
            return new LpSolution(LpSolution.LpStatus.FAILED, new double[0]);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = result.doubleValue(i) + lower[i];
        }
        return satisfies(program, x) ? new LpSolution(LpSolution.LpStatus.OPTIMAL, x)
                : new LpSolution(LpSolution.LpStatus.FAILED, new double[0]);
    }

    private static LpSolution solveWithModel(LinearProgram program) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        List<Variable> vars = new ArrayList<>();
        List<LinearProgram.Variable> spec = program.variables();
        for (int i = 0; i < spec.size(); i++) {
            LinearProgram.Variable v = spec.get(i);
            Variable var = model.addVariable("x" + i);
            if (Double.isFinite(v.lower())) {
                var.lower(v.lower());
            }
            if (Double.isFinite(v.upper())) {
                var.upper(v.upper());
            }
            if (v.integer()) {
                var.integer(true);
            }
            double w = program.objective(i);
            if (w != 0) {
                var.weight(w);
            }
            vars.add(var);
        }
        int c = 0;
        for (LinearProgram.Constraint k : program.constraints()) {
            Expression e = model.addExpression("c" + c++);
            for (int i = 0; i < vars.size(); i++) {
                double a = k.coefficient(i);
                if (a != 0) {
                    e.set(vars.get(i), a);
                }
            }
            if (Double.isFinite(k.lower())) {
                e.lower(k.lower());
            }
            if (Double.isFinite(k.upper())) {
                e.upper(k.upper());
            }
        }
        Optimisation.Result result = model.minimise();
        Optimisation.State state = result.getState();
        if (state == Optimisation.State.INFEASIBLE) {
            return new LpSolution(LpSolution.LpStatus.INFEASIBLE, new double[0]);
        }
        if (state == Optimisation.State.UNBOUNDED) {
            return new LpSolution(LpSolution.LpStatus.UNBOUNDED, new double[0]);
        }
        if (!state.isFeasible()) {
            return new LpSolution(LpSolution.LpStatus.FAILED, new double[0]);
        }
        double[] x = new double[spec.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = result.doubleValue(i);
        }
        return satisfies(program, x) ? new LpSolution(LpSolution.LpStatus.OPTIMAL, x)
                : new LpSolution(LpSolution.LpStatus.FAILED, new double[0]);
    }

    private static boolean satisfies(LinearProgram program, double[] x) {
        List<LinearProgram.Variable> spec = program.variables();
        for (int i = 0; i < x.length; i++) {
            double tol = CHECK_TOLERANCE * Math.max(1, Math.abs(x[i]));
            if (!Double.isFinite(x[i]) || x[i] < spec.get(i).lower() - tol || x[i] > spec.get(i).upper() + tol) {
                return false;
            }
        }
        for (LinearProgram.Constraint k : program.constraints()) {
            double v = k.evaluate(x);
            double tol = CHECK_TOLERANCE * Math.max(1, Math.max(Math.abs(finite(k.lower())), Math.abs(finite(k.upper()))));
            if (v < k.lower() - tol || v > k.upper() + tol) {
                return false;
            }
        }
        return true;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
