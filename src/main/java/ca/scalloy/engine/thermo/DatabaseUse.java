package ca.scalloy.engine.thermo;

import java.util.List;
import java.util.Map;

import ca.scalloy.engine.Message;

/**
 * Which data a thermodynamic result came from.
 *
 * @param files           the database files used, each with its title (source, licence)
 * @param systems         each binary or higher system of the alloy's elements with data, and where its
 *                        descriptions came from (e.g. {@code "Al-Sc" -> "LIQUID: scalloy-al-sc-liquid-1.tdb;
 *                        FCC_A1, AL3SC, ...: mc_al-2.037-subset-al-sc-zr.tdb"})
 * @param omittedWtPct    elements of the alloy the data do not cover, left out of the calculation (wt%)
 * @param notes           caveats that apply to this result (mixed databases, validity), in English
 * @param citations       {@code files} as messages ({@code thermo.database.<key>} with the file name), for the
 *                        workbench to word each database's title in the user's language
 */
public record DatabaseUse(List<String> files, Map<String, String> systems, Map<String, Double> omittedWtPct, List<String> notes,
                          List<Message> citations) {

    public DatabaseUse {
        files = List.copyOf(files);
        systems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(systems));
        omittedWtPct = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(omittedWtPct));
        notes = List.copyOf(notes);
        citations = List.copyOf(citations);
    }
}
