package ca.scalloy.engine.thermo;

import java.util.List;
import java.util.Set;

/**
 * A TDB temperature-piecewise expression: {@code Tlow expr1; T1 Y expr2; T2 N}. Below the first range
 * the first piece is used and above the last the last piece (the usual extrapolation); {@link #lowK()}
 * and {@link #highK()} say where the data end.
 */
final class Piecewise {

    private final double[] upperK;
    private final Expr[] pieces;
    private final double lowK;

    /**
     * @param lowK   the lower end of the first range, K
     * @param pieces the expressions, in order
     * @param upperK the upper end of each piece's range, K (same length as pieces, increasing)
     */
    Piecewise(double lowK, List<Expr> pieces, List<Double> upperK) {
        if (pieces.isEmpty() || pieces.size() != upperK.size()) {
            throw new IllegalArgumentException("a piecewise function needs one upper temperature per piece, had "
                    + pieces.size() + " pieces and " + upperK.size() + " limits");
        }
        this.lowK = lowK;
        this.pieces = pieces.toArray(new Expr[0]);
        this.upperK = upperK.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 1; i < this.upperK.length; i++) {
            if (!(this.upperK[i] > this.upperK[i - 1])) {
                throw new IllegalArgumentException("temperature limits must increase, had " + upperK);
            }
        }
    }

    double eval(double tempK, Expr.FunctionValues functions) {
        int i = 0;
        while (i < upperK.length - 1 && tempK >= upperK[i]) {
            i++;
        }
        return pieces[i].eval(tempK, functions);
    }

    double lowK() {
        return lowK;
    }

    double highK() {
        return upperK[upperK.length - 1];
    }

    void link(java.util.Map<String, Integer> ids) {
        for (Expr e : pieces) {
            e.link(ids);
        }
    }

    void references(Set<String> into) {
        for (Expr e : pieces) {
            e.references(into);
        }
    }
}
