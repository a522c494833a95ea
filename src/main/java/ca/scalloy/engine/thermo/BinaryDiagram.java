package ca.scalloy.engine.thermo;

import java.util.List;
import java.util.Objects;

/**
 * The Al-rich end of a binary Al-X phase diagram computed from the thermodynamic data, as curves to
 * draw: the liquidus (each point with the solid that forms first), the solidus of (Al), the solvus of
 * X in (Al) against the precipitate, and the three-phase invariant where they meet. Contents wt% of X,
 * temperatures degrees C.
 *
 * @param solute        the element X, e.g. {@code Sc}
 * @param precipitate   the phase in equilibrium with (Al), e.g. {@code AL3SC}
 * @param maxWtPct      the liquidus is given from pure Al up to this content
 * @param pureAlMeltC   the melting point of Al in the data, degrees C
 * @param liquidus      from pure Al to {@code maxWtPct}, content rising; each point names its primary phase
 * @param solidus       where (Al) finishes solidifying, from pure Al to (Al) at the invariant
 * @param solvus        X in (Al) against the precipitate, temperature rising to the invariant
 * @param invariant     eutectic L → (Al) + X (below the melting point of Al) or peritectic L + X → (Al) (above it)
 * @param database      where the data came from
 */
public record BinaryDiagram(String solute, String precipitate, double maxWtPct, double pureAlMeltC, List<LiquidusPoint> liquidus,
                            List<Point> solidus, List<Point> solvus, Invariant invariant, DatabaseUse database) {

    /** A point of a curve. */
    public record Point(double wtPct, double tempC) {
    }

    /** A point of the liquidus and the solid that forms first there ({@code FCC_A1} for (Al), else the precipitate). */
    public record LiquidusPoint(double wtPct, double tempC, String primaryPhase) {
    }

    public BinaryDiagram {
        Objects.requireNonNull(solute, "solute");
        Objects.requireNonNull(invariant, "invariant");
        liquidus = List.copyOf(liquidus);
        solidus = List.copyOf(solidus);
        solvus = List.copyOf(solvus);
    }

    /** True for a eutectic (the invariant lies below the melting point of Al), false for a peritectic. */
    public boolean eutectic() {
        return invariant.tempC() < pureAlMeltC;
    }

    /**
     * The liquidus temperature at {@code wtPct}, interpolated linearly between the computed points
     * (the invariant liquid is one of them, so the kink is exact).
     *
     * @throws IllegalArgumentException outside 0..{@link #maxWtPct()}
     */
    public double liquidusC(double wtPct) {
        if (!(wtPct >= 0 && wtPct <= maxWtPct + 1e-12)) {
            throw new IllegalArgumentException("wtPct must be from 0 to " + maxWtPct + ", was " + wtPct);
        }
        for (int i = 1; i < liquidus.size(); i++) {
            LiquidusPoint a = liquidus.get(i - 1);
            LiquidusPoint b = liquidus.get(i);
            if (b.wtPct() >= wtPct) {
                double f = b.wtPct() == a.wtPct() ? 0 : (wtPct - a.wtPct()) / (b.wtPct() - a.wtPct());
                return a.tempC() + f * (b.tempC() - a.tempC());
            }
        }
        return liquidus.get(liquidus.size() - 1).tempC();
    }
}
