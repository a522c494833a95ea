package ca.scalloy.engine.lp;

/**
 * Solves a {@link LinearProgram}. The engine's one door to an LP/MIP library: the implementation
 * lives outside the engine and is handed in by the composition root.
 */
@FunctionalInterface
public interface LinearProgramSolver {

    /** Minimises the program's objective. Never throws for an infeasible or unbounded program. */
    LpSolution solve(LinearProgram program);
}
