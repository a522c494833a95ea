package ca.scalloy.engine.kinetics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.thermo.SolidSolution;
import ca.scalloy.engine.thermo.ThermoCalculator;

/**
 * Starting states from the thermodynamic core (decision 0013): the Sc and Zr that (Al) keeps after the
 * route, from {@link ThermoCalculator#solidSolution} — CAST along the Scheil-Gulliver path (primary
 * Al3Zr and Al3Sc take their share first), RAPID up to the laser powder-bed fusion limits of
 * {@code rapid-solidification-limits.csv}, EQUILIBRIUM from the (Al) just below the solidus. The grain
 * size is {@link RouteLimits}'s. Immutable and thread-safe.
 */
public final class ThermoStartingStates implements StartingStates {

    private final ThermoCalculator thermo;
    private final RouteLimits grains;

    /** On the shipped databases and parameters. */
    public ThermoStartingStates() {
        this(ThermoCalculator.alRichCorner(), new RouteLimits());
    }

    ThermoStartingStates(ThermoCalculator thermo, RouteLimits grains) {
        this.thermo = Objects.requireNonNull(thermo, "thermo");
        this.grains = Objects.requireNonNull(grains, "grains");
    }

    /**
     * @throws IllegalArgumentException when the alloy is not aluminium-based or the thermodynamic data cannot take it
     */
    @Override
    public StartingState of(Composition alloy, ProcessRoute route) {
        if (!alloy.balanceElement().equals("Al")) {
            throw new IllegalArgumentException("balanceElement: the kinetic model is for aluminium alloys, not " + alloy.balanceElement());
        }
        ca.scalloy.engine.thermo.ProcessRoute thermoRoute = ca.scalloy.engine.thermo.ProcessRoute.valueOf(route.name());
        SolidSolution held = thermo.solidSolution(alloy, thermoRoute, null);
        // The solution is wt% of the alloy; rounding in the Scheil sums may put it a hair above the alloy's content.
        double sc = Math.min(held.wtPct("Sc"), alloy.pct("Sc"));
        double zr = Math.min(held.wtPct("Zr"), alloy.pct("Zr"));
        String data = "";
        if (held.database() != null) {
            List<String> files = new ArrayList<>();
            for (String f : held.database().files()) {
                // "file (title)": the file names the data; the titles are in the thermodynamic results themselves.
                files.add(f.contains(" (") ? f.substring(0, f.indexOf(" (")) : f);
            }
            data = " (" + String.join(", ", files) + ")";
        }
        return new StartingState(route, sc, zr, grains.of(alloy, route).grainSizeM(), held.source() + data + "; quenched");
    }
}
