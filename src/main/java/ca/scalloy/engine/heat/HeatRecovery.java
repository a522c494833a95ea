package ca.scalloy.engine.heat;

import java.util.Map;

import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.charge.Material;

/**
 * The recovery a heat actually achieved: of an element charged, the share found in the metal by
 * the final analysis.
 */
public final class HeatRecovery {

    private HeatRecovery() {
    }

    /**
     * Actual recovery of {@code element}, %: (kg in the final metal − kg brought by the heel) / kg
     * charged, where a compound's content follows its formula and purity.
     *
     * @param weighedKg   each material charged with its weighed kg
     * @param heelKg      kg of heel in the furnace before charging
     * @param heelPct     the heel's wt% of the element
     * @param finalMeltKg kg of metal at the final analysis (cast mass, or the planned product)
     * @param finalPct    the final analysis' wt% of the element
     * @return the recovery in %, or NaN when none of the element was charged
     * @throws IllegalArgumentException for a negative mass or a final mass of 0
     */
    public static double actualPct(String element, Map<Material, Double> weighedKg, double heelKg, double heelPct,
                                   double finalMeltKg, double finalPct) {
        if (!(finalMeltKg > 0) || heelKg < 0) {
            throw new MessageException("heats.refusal.recoveryMasses", "finalMeltKg must be > 0 and heelKg >= 0, were " + finalMeltKg + " and "
                    + heelKg, finalMeltKg, heelKg);
        }
        double charged = 0;
        for (Map.Entry<Material, Double> e : weighedKg.entrySet()) {
            if (e.getValue() < 0) {
                throw new MessageException("heats.refusal.weighedKgNegative", e.getKey().id() + ": weighed kg must be >= 0, was " + e.getValue(),
                        e.getKey().id(), e.getValue());
            }
            charged += e.getKey().elementContentKgPerKg(element) * e.getValue();
        }
        if (charged <= 0) {
            return Double.NaN;
        }
        double found = finalMeltKg * finalPct / 100 - heelKg * heelPct / 100;
        return 100 * found / charged;
    }
}
