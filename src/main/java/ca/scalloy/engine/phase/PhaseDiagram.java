package ca.scalloy.engine.phase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.scalloy.engine.Composition;

/**
 * The Al-rich end of the Al-Sc (or Al-Zr) phase diagram as curves to draw: the liquidus with its
 * uncertainty band, the solvus of the solute in (Al), and the invariant point. Contents in wt%,
 * temperatures in °C.
 */
public final class PhaseDiagram {

    /** A point of a curve; {@code bandC} is the half-width of its uncertainty (0 where none is given). */
    public record Point(double wtPct, double tempC, double bandC) {
    }

    /**
     * The invariant reaction at the Al-rich end: the Al-Sc eutectic or the Al-Zr peritectic.
     * {@code liquidWtPct} is null where the reference data give no liquid composition (Al-Zr).
     */
    public record Invariant(String name, Double liquidWtPct, double solidWtPct, double tempC) {
    }

    private final String solute;

    private PhaseDiagram(String solute) {
        this.solute = solute;
    }

    /** The Al-Sc diagram. */
    public static PhaseDiagram alSc() {
        return new PhaseDiagram("Sc");
    }

    /** The Al-Zr solubility diagram (solvus and peritectic; no liquidus model). */
    public static PhaseDiagram alZr() {
        return new PhaseDiagram("Zr");
    }

    public String solute() {
        return solute;
    }

    /** The precipitate in equilibrium with (Al): "Al3Sc (L12)" or "Al3Zr (D023)". */
    public String precipitate() {
        return SolvusModel.of(solute).phase();
    }

    /**
     * The liquidus from 0 to {@code maxWtPct} in {@code steps} steps; empty for Al-Zr, for which no
     * liquidus model is shipped.
     */
    public List<Point> liquidus(double maxWtPct, int steps) {
        List<Point> out = new ArrayList<>();
        if (!solute.equals("Sc")) {
            return out;
        }
        for (int i = 0; i <= steps; i++) {
            double w = maxWtPct * i / steps;
            MeltModel.Liquidus l = MeltModel.liquidus(new Composition(Map.of("Sc", w), "Al"));
            out.add(new Point(w, l.valueC(), l.uncertaintyC()));
        }
        return out;
    }

    /**
     * The solvus (solubility of the solute in (Al)) from {@code fromC} up to the invariant
     * temperature, in {@code steps} steps.
     */
    public List<Point> solvus(double fromC, int steps) {
        SolvusModel m = SolvusModel.of(solute);
        double toC = invariant().tempC();
        List<Point> out = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            double t = fromC + (toC - fromC) * i / steps;
            out.add(new Point(m.solubilityWtPct(t), t, 0));
        }
        return out;
    }

    /**
     * The invariant point: for Al-Sc the eutectic L → (Al) + Al3Sc (655 °C, liquid 0.60 wt% Sc, and
     * the solvus at that temperature for the solid); for Al-Zr the peritectic at 660.8 °C [est], whose
     * liquid composition the reference data do not give.
     */
    public Invariant invariant() {
        if (solute.equals("Sc")) {
            return new Invariant("eutectic L → (Al) + Al3Sc", MeltModel.EUTECTIC_SC_WT_PCT,
                    SolvusModel.of("Sc").solubilityWtPct(MeltModel.EUTECTIC_C), MeltModel.EUTECTIC_C);
        }
        return new Invariant("peritectic L + Al3Zr → (Al)", null, SolvusModel.of("Zr").solubilityWtPct(660.8), 660.8);
    }
}
