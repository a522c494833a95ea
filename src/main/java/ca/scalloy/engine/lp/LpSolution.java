package ca.scalloy.engine.lp;

import java.util.Optional;

/**
 * What a {@link LinearProgramSolver} found.
 *
 * @param status the outcome
 * @param values the variables' values, in the program's order (empty unless {@link LpStatus#OPTIMAL})
 * @param basis  the optimal basis and its factorisation when the solver keeps them ({@link BoundedSimplex}),
 *               else null; read by {@link LpSensitivity#of(LinearProgram, LpSolution)}
 */
public record LpSolution(LpStatus status, double[] values, LpBasis basis) {

    public LpSolution {
        values = values.clone();
    }

    /** A solution without a basis (a solver that does not hand one over). */
    public LpSolution(LpStatus status, double[] values) {
        this(status, values, null);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public double value(int i) {
        return values[i];
    }

    public boolean isOptimal() {
        return status == LpStatus.OPTIMAL;
    }

    /** The solver's final basis, when it kept one. */
    public Optional<LpBasis> optimalBasis() {
        return Optional.ofNullable(basis);
    }

    /** The outcome of a solve. */
    public enum LpStatus { OPTIMAL, INFEASIBLE, UNBOUNDED, FAILED }
}
