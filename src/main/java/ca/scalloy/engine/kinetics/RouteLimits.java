package ca.scalloy.engine.kinetics;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Elements;
import ca.scalloy.engine.phase.MeltModel;
import ca.scalloy.engine.props.ModelParameters;

/**
 * Starting states from fixed retention limits, until a solidification model computes them:
 * <ul>
 * <li>CAST: the Sc that (Al) holds at the eutectic ({@code sc.maxSolidSolubilityWtPct}, as
 * {@code PropertyCalculator} does: the rest forms primary Al₃Sc, lever rule against Al₃Sc); Zr up to
 * what (Al) holds at the Al-Zr peritectic ({@code route.cast.zrMaxWtPct}); the cast grain size of
 * {@code PropertyCalculator} (refined by primary Al₃Sc or by Sc with Zr).</li>
 * <li>RAPID: Sc and Zr retained up to the route limits {@code route.rapid.*}; the fine grain of laser
 * powder-bed fusion.</li>
 * <li>EQUILIBRIUM: as CAST, whose limits are those of equilibrium solidification (lever rule at the
 * eutectic and the peritectic).</li>
 * </ul>
 * The melt is taken as quenched: nothing precipitates on the way down.
 */
public final class RouteLimits implements StartingStates {

    private final ModelParameters props;
    private final ModelParameters kinetics;

    /** With the shipped parameters. */
    public RouteLimits() {
        this(ModelParameters.standard(), KineticParameters.standard());
    }

    RouteLimits(ModelParameters props, ModelParameters kinetics) {
        this.props = props;
        this.kinetics = kinetics;
    }

    @Override
    public StartingState of(Composition alloy, ProcessRoute route) {
        if (!alloy.balanceElement().equals("Al")) {
            throw new IllegalArgumentException("balanceElement: the kinetic model is for aluminium alloys, not " + alloy.balanceElement());
        }
        double sc = alloy.pct("Sc");
        double zr = alloy.pct("Zr");
        if (route == ProcessRoute.RAPID) {
            double scMax = kinetics.get("route.rapid.scMaxWtPct");
            double zrMax = kinetics.get("route.rapid.zrMaxWtPct");
            return new StartingState(route, Math.min(sc, scMax), Math.min(zr, zrMax), kinetics.get("route.rapid.grainSizeM"),
                    "rapid solidification: Sc kept in solution up to " + scMax + " wt%, Zr up to " + zrMax
                            + " wt% (laser powder-bed fusion of Scalmalloy; route.rapid.* in precipitation-kinetics.csv)");
        }
        double scHeld = castScInSolutionWtPct(alloy);
        double zrMax = kinetics.get("route.cast.zrMaxWtPct");
        boolean refined = MeltModel.liquidus(alloy).hypereutectic()
                || (sc >= props.get("grain.scZrSc") && zr >= props.get("grain.scZrZr"));
        double grainM = refined ? props.get("grain.refinedM") : props.get("grain.coarseM");
        String made = route == ProcessRoute.EQUILIBRIUM ? "equilibrium solidification" : "conventional casting";
        return new StartingState(route, scHeld, Math.min(zr, zrMax), grainM,
                made + ": Sc in (Al) up to its solubility at the eutectic (" + props.get("sc.maxSolidSolubilityWtPct")
                        + " wt%), the rest primary Al3Sc; Zr up to " + zrMax + " wt% (Al-Zr peritectic); quenched");
    }

    /**
     * Sc held in (Al) after casting, wt% of the alloy: all of it up to the eutectic solubility; beyond,
     * (Al) at that solubility and Al₃Sc (25 at% Sc) share the alloy's atoms by the lever rule.
     */
    private double castScInSolutionWtPct(Composition alloy) {
        double sc = alloy.pct("Sc");
        double limitWt = props.get("sc.maxSolidSolubilityWtPct");
        if (sc <= limitWt) {
            return sc;
        }
        Elements el = Elements.standard();
        double xTotal = alloy.allAtPct().get("Sc") / 100;
        double xLimit = (limitWt / el.atomicMass("Sc")) / (limitWt / el.atomicMass("Sc") + (100 - limitWt) / el.atomicMass("Al"));
        double xp = props.get("al3sc.scAtomFraction");
        double atomsInAl3Sc = (xTotal - xLimit) / (xp - xLimit);
        double scAtomsInSolutionPerAtom = xLimit * (1 - atomsInAl3Sc);
        return sc * scAtomsInSolutionPerAtom / xTotal;
    }
}
