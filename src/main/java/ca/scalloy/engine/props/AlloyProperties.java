package ca.scalloy.engine.props;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.thermo.DatabaseUse;
import ca.scalloy.engine.thermo.ProcessRoute;

/**
 * Every property estimate for one composition, process route and thermal state. Temperatures °C, contents wt%
 * unless the name says at%. Each number has its band in {@link #bands()} under the name of its accessor (e.g.
 * {@code "liquidusC"}); a value that could not be given is null (or NaN for a primitive) with the reason in
 * {@link #notes()} under the same name.
 *
 * @param densityGPerCm3             density at 20 °C
 * @param liquidusC                  liquidus, equilibrium (the highest temperature a solid forms at)
 * @param liquidusUncertaintyC       the larger half of the liquidus band, for a "±" display
 * @param solidusC                   equilibrium solidus
 * @param eutecticC                  the Al-Sc eutectic temperature of the data
 * @param hypereutectic              primary Al3Sc forms from the liquid (the liquidus phase is {@code AL3SC})
 * @param scSolvusC                  temperature above which the solid alloy holds all its Sc: Al3Sc's solvus; null without
 *                                   Sc or where Al3Sc is stable up to the solidus (see notes)
 * @param scSolubilityWtPctAtAgeTemp Sc solubility in (Al) at the (last) ageing temperature; null when not aged
 * @param scInSolutionWtPct          Sc left in (Al), wt% of the alloy
 * @param scInSolutionAtPct          the same in at%
 * @param al3ScVolumePct             volume % of Al3(Sc,Zr): formed on solidification (Sc out of solution) and by ageing
 * @param al3ScRadiusNm              mean radius of the precipitates formed by ageing, nm; null when not aged or none
 * @param zrSolvusC                  temperature above which the solid alloy holds all its Zr (the higher of the Al3Zr and,
 *                                   with Sc, Al3(Sc,Zr) solvus); null without Zr or where it is stable up to the solidus
 * @param zrInSolutionWtPct          Zr left in (Al), wt% of the alloy
 * @param grainSizeUm                grain size used for Hall-Petch, µm
 * @param yieldStrength              yield strength with its contributions
 * @param resistivityMicroOhmCm      electrical resistivity at 20 °C
 * @param conductivityPctIACS        electrical conductivity
 * @param growthRestrictionQ         growth restriction factor Q of (Al), K; NaN when (Al) does not form
 * @param warnings                   what a metallurgist should know
 * @param models                     what each estimate rests on
 * @param liquidusPrimaryPhase       the first solid ({@code FCC_A1}, {@code AL3SC}, {@code AL3ZR}, {@code AL3TI}, ...)
 * @param scheilSolidusC             where Scheil-Gulliver solidification ends (CAST), or null
 * @param process                    the process route
 * @param schedule                   the ageing schedule, or null
 * @param bands                      [low, high] of each numeric estimate, by its name
 * @param notes                      why a value is null or its band wide, by its name
 * @param database                   the thermodynamic data behind liquidus, solidus, solvus and what is in solution
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
        List<Message> warnings,
        List<ModelNote> models,
        String liquidusPrimaryPhase,
        Double scheilSolidusC,
        ProcessRoute process,
        AgeingSchedule schedule,
        Map<String, Band> bands,
        Map<String, String> notes,
        DatabaseUse database) {

    public AlloyProperties {
        warnings = List.copyOf(warnings);
        models = List.copyOf(models);
        bands = Collections.unmodifiableMap(new LinkedHashMap<>(bands));
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    /** The band of the estimate named {@code key} (e.g. {@code "solidusC"}), or null when it has none. */
    public Band band(String key) {
        return bands.get(key);
    }
}
