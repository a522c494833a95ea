package ca.scalloy.solver;

import java.util.ArrayList;
import java.util.List;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import ca.scalloy.engine.lp.LinearProgram;
import ca.scalloy.engine.lp.LinearProgramSolver;
import ca.scalloy.engine.lp.LpSolution;

/**
 * The engine's {@link LinearProgramSolver} on ojalgo's {@link ExpressionsBasedModel} (simplex for
 * LPs, branch and bound for whole-piece MIPs). The only class that knows ojalgo.
 *
 * <p>ojalgo reports a solution as feasible or optimal within its own tolerances; this adapter also
 * checks every bound and constraint itself and reports {@code FAILED} rather than hand the engine a
 * charge that breaks one.
 */
public final class OjalgoSolver implements LinearProgramSolver {

    /** Absolute slack (in the constraint's own unit, kg here) allowed when checking ojalgo's answer. */
    private static final double CHECK_TOLERANCE = 1e-6;

    @Override
    public LpSolution solve(LinearProgram program) {
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
