package ca.scalloy.engine.lp;

/**
 * What a {@link LinearProgramSolver} found.
 *
 * @param status the outcome
 * @param values the variables' values, in the program's order (empty unless {@link LpStatus#OPTIMAL})
 */
public record LpSolution(LpStatus status, double[] values) {

    public LpSolution {
        values = values.clone();
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

    /** The outcome of a solve. */
    public enum LpStatus { OPTIMAL, INFEASIBLE, UNBOUNDED, FAILED }
}
