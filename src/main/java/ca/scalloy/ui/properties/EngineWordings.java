package ca.scalloy.ui.properties;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;

/**
 * The engine words its property warnings, strength contributions and composition errors in English. This is the one
 * place that recognizes the known ones by their stable wording and says them in the user's
 * language, with their numbers in the user's style; anything not recognized is shown as the
 * engine wrote it.
 */
final class EngineWordings {

    private static final String NUMBER = "(-?[0-9.]+(?:E-?[0-9]+)?)";

    private record Wording(Pattern pattern, String key) {
    }

    private static Wording wording(String regex, String key) {
        return new Wording(Pattern.compile(regex.replace("#", NUMBER)), key);
    }

    private static final List<Wording> WARNINGS = List.of(
            wording("# wt% of the Sc is out of solution after (?:casting|solidification) \\(primary and eutectic Al3Sc\\).*",
                    "warning.scOutOfSolution"),
            wording("The Sc and Zr solubilities are those of the binaries.*", "warning.binarySolubilitiesWithMg"),
            wording("At # °C, # % of the Sc stays in solution \\(solubility # wt%\\).*", "warning.scStaysInSolution"),
            wording("Si # wt% is above # wt%: it ties Sc up.*", "warning.siTiesScUp"),
            wording("(Na|Ca) # wt% is above # wt%: Al-Mg edge-cracks.*", "warning.edgeCracking"),
            wording("Holding temperature # °C is not above the liquidus # ± # °C: primary ([A-Z0-9_]+) may not dissolve",
                    "warning.holdBelowLiquidus"),
            wording("([A-Z][a-z]?) has no tabulated density.*", "warning.noDensity"));

    private static final List<Wording> CONTRIBUTIONS = List.of(
            wording("base \\(pure Al\\)", "contribution.base"),
            wording("solid solution ([A-Z][a-z]?)", "contribution.solidSolution"),
            wording("Al3\\(Sc,Zr\\) precipitation \\(shearing\\)", "contribution.precipitationShearing"),
            wording("Al3\\(Sc,Zr\\) precipitation \\(Orowan looping\\)", "contribution.precipitationOrowan"),
            wording("grain size \\(Hall-Petch, # µm\\)", "contribution.grainSize"));

    private static final List<Wording> COMPOSITION_ERRORS = List.of(
            wording("the listed elements sum to # wt%, above 100 wt%", "composition.error.sumAbove100"),
            wording("([A-Z][a-z]?): is the balance element and must not be listed.*", "composition.error.balanceListed"),
            wording("([A-Z][a-z]?): wt% must be a number from 0 to 100, was #", "composition.error.wtPctRange"));

    private static final List<Wording> THERMO_ERRORS = List.of(
            wording("the thermodynamic data cover \\[(.*)\\]; \\{(.*)\\} wt% of other elements is more than the # wt% that may be left out",
                    "chart.error.notCovered"),
            wording("balance element must be Al for the thermodynamic data, was ([A-Z][a-z]?)", "chart.error.notAluminium"));

    private static final List<Wording> SCHEDULE_ERRORS = List.of(
            wording("schedule: empty;.*", "ageing.error.empty"),
            wording("schedule: '(.*)' is not TEMP_C:HOURS.*", "ageing.error.format"),
            wording("schedule: temperature '(.*)' in step '(.*)' is not a (?:finite )?number", "ageing.error.tempNumber"),
            wording("schedule: hours '(.*)' in step '(.*)' is not a (?:finite )?number", "ageing.error.hoursNumber"),
            wording("schedule: hours (.*) in step '(.*)' must be above 0", "ageing.error.hoursPositive"),
            wording("schedule: temperature # °C in step '(.*)' is outside what the kinetic model covers \\(# to # °C\\)",
                    "ageing.error.tempRange"),
            wording("schedule: # h in step '(.*)' is longer than the # h allowed for one step", "ageing.error.hoursRange"),
            wording("schedule: # steps given; at most # are allowed", "ageing.error.steps"));

    private EngineWordings() {
    }

    /** Why the thermodynamic core could not take an alloy, in the language of {@code m}. */
    static String thermoError(String engineText, Messages m) {
        String known = reword(THERMO_ERRORS, engineText, m);
        return known.equals(engineText) ? m.get("chart.error.failed", engineText) : known;
    }

    /** Why an ageing schedule was refused, in the language of {@code m}; unchanged when not known. */
    static String scheduleError(String engineText, Messages m) {
        return reword(SCHEDULE_ERRORS, engineText, m);
    }

    /** An engine warning in the language of {@code m}; unchanged when its wording is not known. */
    static String warning(String engineText, Messages m) {
        return reword(WARNINGS, engineText, m);
    }

    /** The name of a strength contribution in the language of {@code m}; unchanged when not known. */
    static String contribution(String engineName, Messages m) {
        return reword(CONTRIBUTIONS, engineName, m);
    }

    /** Why the engine refused a composition, in the language of {@code m}; unchanged when not known. */
    static String compositionError(String engineText, Messages m) {
        return reword(COMPOSITION_ERRORS, engineText, m);
    }

    private static String reword(List<Wording> wordings, String text, Messages m) {
        for (Wording w : wordings) {
            Matcher matcher = w.pattern().matcher(text);
            if (matcher.matches()) {
                Object[] args = new Object[matcher.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = localNumber(matcher.group(i + 1), m);
                }
                return m.get(w.key(), args);
            }
        }
        return text;
    }

    /** A number as the engine wrote it, in the user's style (at most four decimals); other text as is. */
    private static String localNumber(String text, Messages m) {
        if (!text.matches(NUMBER)) {
            return text;
        }
        return Numbers.flexible(Double.parseDouble(text), 0, 4, m.locale());
    }
}
