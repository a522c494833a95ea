package ca.scalloy.ui.properties;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.thermo.DatabaseUse;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;

/** Words and colours the charts of the Properties screen share. */
final class ChartTexts {

    /** Palette index of each phase, the same on every chart; others share the last. */
    private static final Map<String, Integer> PHASE_COLOURS = Map.of("LIQUID", 0, "FCC_A1", 8, "AL3SC", 1, "AL3ZR", 3, "AL3TI", 9,
            "AL3MG2", 4, "MG2SI", 2, "AL6MN", 5, "AL13FE4", 6);

    private ChartTexts() {
    }

    /** The palette index of a phase (its composition sets share it). */
    static int colourOf(String phase) {
        int hash = phase.indexOf('#');
        return PHASE_COLOURS.getOrDefault(hash < 0 ? phase : phase.substring(0, hash), 7);
    }

    /** The recipe's name, or the typed alloy as "Al-4.5Mg-0.3Sc" (solutes, largest first). */
    static String alloy(PropertiesViewModel.Alloy a, Messages m) {
        if (!a.name().isBlank()) {
            return a.name();
        }
        Composition c = a.composition();
        List<Map.Entry<String, Double>> solutes = new ArrayList<>(c.wtPct().entrySet());
        solutes.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        StringBuilder b = new StringBuilder(c.balanceElement());
        for (Map.Entry<String, Double> e : solutes) {
            b.append('-').append(Numbers.flexible(e.getValue(), 0, 3, m.locale())).append(e.getKey());
        }
        return b.toString();
    }

    /** "Calculated by Scalloy's CALPHAD core from: file (title); …", with any element left out. */
    static String thermoSource(DatabaseUse d, Messages m) {
        String text = m.get("chart.source.thermo", String.join("; ", MessageWords.of(d.citations(), m)));
        if (!d.omittedWtPct().isEmpty()) {
            text += " " + m.get("chart.source.omitted", d.omittedWtPct().toString());
        }
        return text;
    }

    static String temp(double c, Messages m) {
        return Numbers.fixed(c, 0, m.locale());
    }
}
