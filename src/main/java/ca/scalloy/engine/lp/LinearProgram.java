package ca.scalloy.engine.lp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A linear (or mixed-integer) program in the form the engine hands to a {@link LinearProgramSolver}:
 * minimise {@code objective · x} subject to {@code lower ≤ a · x ≤ upper} for each constraint and
 * bounds on each variable. Infinite bounds mean "no bound". Immutable once built.
 */
public final class LinearProgram {

    /** One variable with its bounds. */
    public record Variable(String name, double lower, double upper, boolean integer) {
        public Variable {
            if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
                throw new IllegalArgumentException("variable " + name + ": bounds must satisfy lower <= upper, were " + lower + ", " + upper);
            }
        }
    }

    /** One linear constraint {@code lower ≤ Σ coefficients[i]·x[i] ≤ upper}. */
    public record Constraint(String name, double[] coefficients, double lower, double upper) {
        public Constraint {
            coefficients = coefficients.clone();
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }

        /** The coefficient of variable {@code i} without copying the array. */
        public double coefficient(int i) {
            return i < coefficients.length ? coefficients[i] : 0;
        }

        /** The value of the left-hand side at {@code x}. */
        public double evaluate(double[] x) {
            double v = 0;
            for (int i = 0; i < coefficients.length; i++) {
                v += coefficients[i] * x[i];
            }
            return v;
        }
    }

    private final List<Variable> variables;
    private final List<Constraint> constraints;
    private final double[] objective;

    private LinearProgram(List<Variable> variables, List<Constraint> constraints, double[] objective) {
        this.variables = List.copyOf(variables);
        this.constraints = List.copyOf(constraints);
        this.objective = objective.clone();
    }

    public List<Variable> variables() {
        return variables;
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    /** Objective coefficient of variable {@code i} (minimised). */
    public double objective(int i) {
        return i < objective.length ? objective[i] : 0;
    }

    /** The objective's value at {@code x}. */
    public double objectiveValue(double[] x) {
        double v = 0;
        for (int i = 0; i < objective.length; i++) {
            v += objective[i] * x[i];
        }
        return v;
    }

    /** A builder that starts from this program: same variables and constraints, objective kept. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.variables.addAll(variables);
        b.constraints.addAll(constraints);
        b.objective = Arrays.copyOf(objective, variables.size());
        return b;
    }

    /** Builds a program variable by variable and constraint by constraint. */
    public static final class Builder {
        private final List<Variable> variables = new ArrayList<>();
        private final List<Constraint> constraints = new ArrayList<>();
        private double[] objective = new double[0];

        /** Adds a variable and returns its index. */
        public int addVariable(String name, double lower, double upper, boolean integer) {
            variables.add(new Variable(name, lower, upper, integer));
            return variables.size() - 1;
        }

        public int variableCount() {
            return variables.size();
        }

        /** How many constraints were added so far: the index the next one will have. */
        public int constraintCount() {
            return constraints.size();
        }

        /** Adds a constraint; {@code coefficients} may be shorter than the variable count (missing = 0). */
        public Builder addConstraint(String name, double[] coefficients, double lower, double upper) {
            constraints.add(new Constraint(name, Arrays.copyOf(coefficients, variables.size()), lower, upper));
            return this;
        }

        /**
         * Lifts both bounds of constraint {@code index}, keeping its row (and so every later row's index): a row
         * that held an earlier optimum no longer holds anything.
         */
        public Builder release(int index) {
            Constraint c = constraints.get(index);
            constraints.set(index, new Constraint(c.name(), c.coefficients(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
            return this;
        }

        /** Sets the objective (minimised); may be shorter than the variable count. */
        public Builder objective(double[] coefficients) {
            objective = Arrays.copyOf(coefficients, variables.size());
            return this;
        }

        public LinearProgram build() {
            return new LinearProgram(variables, constraints, Arrays.copyOf(objective, variables.size()));
        }
    }
}
