package ca.scalloy.engine.thermo;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The phases as a metallurgist writes them: {@code FCC_A1} is (Al), {@code LIQUID} is L,
 * {@code AL3ZR} is Al3Zr, {@code ALFESI_ALPHA} is α-AlFeSi. Chemical notation, the same in every
 * language; a second composition set keeps its {@code #2}.
 */
public final class PhaseNames {

    private static final Map<String, String> SPECIAL = Map.of(
            ThermoCalculator.LIQUID, "L",
            ThermoCalculator.FCC, "(Al)",
            "DIAMOND_A4", "(Si)",
            "AL3MG2", "β-Al3Mg2",
            "ALMG_EPS", "ε-AlMg",
            "ALMG_GAMMA", "γ-Al12Mg17",
            "ALMGMN_T", "T-AlMgMn");
    private static final Map<String, String> GREEK = Map.of("ALPHA", "α", "BETA", "β", "GAMMA", "γ", "DELTA", "δ",
            "TAU1", "τ1", "TAU3", "τ3");
    /** The two-letter symbols the data use; anything else is read one letter at a time. */
    private static final Set<String> TWO_LETTERS = Set.of("AL", "FE", "MG", "MN", "SC", "SI", "TI", "ZR");

    private PhaseNames() {
    }

    /** {@code AL13FE4} → {@code Al13Fe4}, {@code FCC_A1} → {@code (Al)}, {@code ALMNSI_ALPHA#2} → {@code α-AlMnSi#2}. */
    public static String display(String phase) {
        String set = "";
        String name = phase;
        int hash = phase.indexOf('#');
        if (hash >= 0) {
            set = phase.substring(hash);
            name = phase.substring(0, hash);
        }
        String special = SPECIAL.get(name);
        if (special != null) {
            return special + set;
        }
        int underscore = name.indexOf('_');
        if (underscore > 0 && GREEK.containsKey(name.substring(underscore + 1))) {
            return GREEK.get(name.substring(underscore + 1)) + "-" + formula(name.substring(0, underscore)) + set;
        }
        return (underscore > 0 ? name : formula(name)) + set;
    }

    /** {@code AL13FE4} → {@code Al13Fe4}. */
    static String formula(String upper) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < upper.length()) {
            char c = upper.charAt(i);
            if (Character.isDigit(c)) {
                out.append(c);
                i++;
            } else if (i + 1 < upper.length() && TWO_LETTERS.contains(upper.substring(i, i + 2))) {
                out.append(c).append(upper.substring(i + 1, i + 2).toLowerCase(Locale.ROOT));
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
