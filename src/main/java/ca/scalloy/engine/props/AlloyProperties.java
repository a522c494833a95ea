package ca.scalloy.engine.props;

import java.util.List;

/**
 * Every property estimate for one composition and thermal state. Temperatures °C, contents wt%
 * unless the name says at%.
 *
 * @param densityGPerCm3             density at 20 °C
 * @param liquidusC                  liquidus estimate
 * @param liquidusUncertaintyC       half-width of the liquidus band
 * @param solidusC                   solidus estimate
 * @param eutecticC                  the Al-Sc eutectic temperature
 * @param hypereutectic              Sc above the eutectic composition: primary Al3Sc forms
 * @param scSolvusC                  temperature above which all the alloy's Sc dissolves in (Al); null without Sc
 * @param scSolubilityWtPctAtAgeTemp Sc solubility in (Al) at the ageing temperature; null when not aged
 * @param scInSolutionWtPct          Sc left in (Al), wt% of the alloy
 * @param scInSolutionAtPct          the same in at%
 * @param al3ScVolumePct             volume % of Al3Sc
 * @param al3ScRadiusNm              mean Al3Sc radius after ageing, nm; null when not aged or none
 * @param zrSolvusC                  full-dissolution temperature of the alloy's Zr; null without Zr
 * @param zrInSolutionWtPct          Zr left in (Al), wt%
 * @param grainSizeUm                cast grain size assumed for Hall-Petch, µm
 * @param yieldStrength              yield-strength estimate with its contributions
 * @param resistivityMicroOhmCm      electrical resistivity at 20 °C
 * @param conductivityPctIACS        electrical conductivity
 * @param growthRestrictionQ         growth restriction factor Q, K
 * @param warnings                   what a metallurgist should know
 * @param models                     what each estimate rests on
 */
public record AlloyProperties(
        double densityGPerCm3,
        double liquidusC,
        double liquidusUncertaintyC,
        double solidusC,
        double eutecticC,
        boolean hypereutectic,
        Double scSolvusC,
        Double scSolubilityWtPctAtAgeTemp,
        double scInSolutionWtPct,
        double scInSolutionAtPct,
        double al3ScVolumePct,
        Double al3ScRadiusNm,
        Double zrSolvusC,
        double zrInSolutionWtPct,
        double grainSizeUm,
        YieldStrength yieldStrength,
        double resistivityMicroOhmCm,
        double conductivityPctIACS,
        double growthRestrictionQ,
        List<String> warnings,
        List<ModelNote> models) {

    public AlloyProperties {
        warnings = List.copyOf(warnings);
        models = List.copyOf(models);
    }
}
