package ca.scalloy.engine;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A chemical element as the engine needs it.
 *
 * @param symbol            chemical symbol, e.g. {@code "Sc"}
 * @param atomicMassGPerMol standard atomic weight in g/mol, &gt; 0
 * @param densityGPerCm3    density at 20 °C in g/cm³, or NaN where not tabulated (anions, K)
 * @param meltingPointC     melting point in °C, or NaN where not tabulated
 */
public record Element(String symbol, double atomicMassGPerMol, double densityGPerCm3, double meltingPointC) {

    public Element {
        Objects.requireNonNull(symbol, "symbol");
        if (!symbol.matches("[A-Z][a-z]?")) {
            throw new IllegalArgumentException("symbol must be a chemical symbol such as Sc, was '" + symbol + "'");
        }
        if (!(atomicMassGPerMol > 0) || Double.isInfinite(atomicMassGPerMol)) {
            throw new IllegalArgumentException("atomicMassGPerMol of " + symbol + " must be > 0, was " + atomicMassGPerMol);
        }
    }

    /** The density at 20 °C, empty where none is tabulated. */
    public OptionalDouble density() {
        return Double.isNaN(densityGPerCm3) ? OptionalDouble.empty() : OptionalDouble.of(densityGPerCm3);
    }
}
