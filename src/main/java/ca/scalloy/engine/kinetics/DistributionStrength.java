package ca.scalloy.engine.kinetics;

import java.util.ArrayList;
import java.util.List;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.props.ModelParameters;
import ca.scalloy.engine.props.Precipitation;
import ca.scalloy.engine.props.StrengthContribution;
import ca.scalloy.engine.props.YieldStrength;

/**
 * Yield strength of an aged state, as {@code PropertyCalculator} sums it (base + solid solution +
 * precipitation + Hall-Petch, each with its band from {@code property-models.csv}), with the
 * precipitation term taken over the size distribution:
 * <pre>
 *   Δσ = Σᵢ wᵢ · min(shearing(f, rᵢ), Orowan(f, r̄)),   wᵢ = Nᵢ rᵢ / Σⱼ Nⱼ rⱼ
 * </pre>
 * Each class is sheared or looped on its own merits (the shearing/Orowan transition per class, with the
 * formulas of {@link Precipitation}); a slip plane meets a particle of radius r with a chance ∝ r, hence
 * the weight; the Orowan bypass stress is set by the spacing of the whole population (total volume
 * fraction f, number-mean radius r̄). For one class this is exactly {@link Precipitation#incrementMPa}.
 */
final class DistributionStrength {

    /** A precipitation term below this is reported as none (a few clusters, nothing a test could measure). */
    private static final double MIN_REPORTED_MPA = 0.05;
    /** Prefix of the solid-solution coefficients in {@code property-models.csv}, e.g. {@code strength.ss.Mg}. */
    private static final String SOLID_SOLUTION = "strength.ss.";

    private final ModelParameters props;
    private final Precipitation formulas;
    private final double ssSc;
    private final double ssZr;

    DistributionStrength(ModelParameters props, ModelParameters kinetics) {
        this.props = props;
        this.formulas = new Precipitation(props);
        this.ssSc = kinetics.get("strength.ss.Sc");
        this.ssZr = kinetics.get("strength.ss.Zr");
    }

    /**
     * Precipitation increment, MPa, with the mechanism, for classes {@code 0..count-1} of radii {@code r}
     * (m) and number densities {@code n} (m⁻³).
     *
     * @return {increment MPa, share of the plane-weighted particles looped (0..1)}
     */
    double[] precipitationMPa(double[] r, double[] n, int count) {
        double f = 0;
        double number = 0;
        double sumNr = 0;
        for (int i = 0; i < count; i++) {
            f += n[i] * 4.0 / 3.0 * Math.PI * r[i] * r[i] * r[i];
            number += n[i];
            sumNr += n[i] * r[i];
        }
        if (f <= 0 || number <= 0) {
            return new double[] {0, 0};
        }
        double meanR = sumNr / number;
        double orowan = 4 * f < Math.PI ? formulas.orowanMPa(f, meanR) : Double.POSITIVE_INFINITY;
        if (!(orowan > 0)) {
            orowan = Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        double looped = 0;
        for (int i = 0; i < count; i++) {
            double w = n[i] * r[i] / sumNr;
            double shearing = formulas.shearingMPa(f, r[i]);
            if (orowan < shearing) {
                sum += w * orowan;
                looped += w;
            } else {
                sum += w * shearing;
            }
        }
        return new double[] {sum, looped};
    }

    /**
     * The whole yield strength of an alloy entering ageing in {@code start}, with what ageing left in solution and
     * formed: base, solid solution of each solute with a coefficient {@code strength.ss.<El>} (from what {@code start}
     * holds in solution), Sc and Zr, the precipitates, and Hall-Petch with the Mg in solution setting k.
     */
    AgedStrength strength(StartingState start, double scInSolutionWtPct, double zrInSolutionWtPct, double[] r, double[] n, int count) {
        List<StrengthContribution> parts = new ArrayList<>();
        double base = props.get("strength.base");
        double baseBand = props.get("strength.baseBand");
        parts.add(new StrengthContribution(Message.of("contribution.base", "base (pure Al)"), base, base - baseBand, base + baseBand));
        for (String key : props.all().keySet()) {
            if (!key.startsWith(SOLID_SOLUTION)) {
                continue;
            }
            String el = key.substring(SOLID_SOLUTION.length());
            double w = start.otherSolutesWtPct().getOrDefault(el, 0.0);
            if (w > 0) {
                double k = props.get(key);
                double band = props.get("strength.ssBand." + el);
                parts.add(new StrengthContribution(Message.of("contribution.solidSolution", "solid solution " + el, el), k * w, (k - band) * w, (k + band) * w));
            }
        }
        if (scInSolutionWtPct > 0) {
            double v = ssSc * scInSolutionWtPct;
            parts.add(new StrengthContribution(Message.of("contribution.solidSolution", "solid solution Sc", "Sc"), v, 0, 2 * v));
        }
        if (zrInSolutionWtPct > 0) {
            double v = ssZr * zrInSolutionWtPct;
            parts.add(new StrengthContribution(Message.of("contribution.solidSolution", "solid solution Zr", "Zr"), v, 0, 2 * v));
        }
        double[] ppt = precipitationMPa(r, n, count);
        String mechanism = "none";
        if (ppt[0] >= MIN_REPORTED_MPA) {
            mechanism = ppt[1] > 0.5 ? "Orowan looping" : "shearing";
            double rel = props.get("strength.precipitationBand");
            parts.add(new StrengthContribution(Message.of(ppt[1] > 0.5 ? "contribution.precipitationOrowan"
                    : "contribution.precipitationShearing", "Al3(Sc,Zr) precipitation (" + mechanism + ")"), ppt[0], ppt[0] * (1 - rel),
                    ppt[0] * (1 + rel)));
        }
        double share = Math.min(1, start.otherSolutesWtPct().getOrDefault("Mg", 0.0) / props.get("hallPetch.mgForFullK"));
        double k = props.get("hallPetch.kPureAl") + share * (props.get("hallPetch.kAlMg") - props.get("hallPetch.kPureAl"));
        double kBand = props.get("hallPetch.kBand");
        double grainM = start.grainSizeM();
        double sqrtD = Math.sqrt(grainM);
        parts.add(new StrengthContribution(Message.of("contribution.grainSize",
                "grain size (Hall-Petch, " + Math.round(grainM * 1e7) / 10.0 + " µm)", Math.round(grainM * 1e7) / 10.0), k / sqrtD,
                Math.max(0, k - kBand) / sqrtD, (k + kBand) / sqrtD));
        return new AgedStrength(YieldStrength.of(parts), ppt[0] >= MIN_REPORTED_MPA ? ppt[0] : 0, mechanism);
    }
}
