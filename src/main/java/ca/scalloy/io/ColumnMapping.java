package ca.scalloy.io;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.scalloy.engine.Elements;

/**
 * How the columns of one instrument's export map to sample fields and elements, and in which unit
 * each element is given. Detected from the header, then editable and remembered per instrument.
 *
 * @param fields       header → SAMPLE, DATE, TIME, TAKEN_AT or METHOD
 * @param elements     header → element symbol
 * @param ppmElements  headers whose values are in ppm (the rest are wt%)
 */
public record ColumnMapping(Map<String, Field> fields, Map<String, String> elements, Set<String> ppmElements) {

    /** A sample field a column may hold. */
    public enum Field { SAMPLE, DATE, TIME, TAKEN_AT, METHOD }

    private static final Pattern UNIT = Pattern.compile("^(.*?)\\s*[\\[(]?\\s*(%|wt%|ppm|wt\\.?-?%)\\s*[\\])]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Field> FIELD_NAMES = Map.ofEntries(
            Map.entry("sample", Field.SAMPLE), Map.entry("sample_id", Field.SAMPLE), Map.entry("sample id", Field.SAMPLE),
            Map.entry("sample no", Field.SAMPLE), Map.entry("échantillon", Field.SAMPLE), Map.entry("echantillon", Field.SAMPLE),
            Map.entry("date", Field.DATE), Map.entry("time", Field.TIME), Map.entry("heure", Field.TIME),
            Map.entry("taken_at", Field.TAKEN_AT), Map.entry("timestamp", Field.TAKEN_AT), Map.entry("datetime", Field.TAKEN_AT),
            Map.entry("method", Field.METHOD), Map.entry("méthode", Field.METHOD), Map.entry("methode", Field.METHOD));

    public ColumnMapping {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        elements = Collections.unmodifiableMap(new LinkedHashMap<>(elements));
        ppmElements = Set.copyOf(ppmElements);
    }

    /**
     * Recognises the columns of a header: sample/date/time/method by name (English or French),
     * elements by symbol with an optional unit ("Sc", "Sc %", "Na ppm", "Fe [wt%]"). Other columns
     * are left out (the importer warns of them).
     */
    public static ColumnMapping detect(String[] header) {
        Map<String, Field> fields = new LinkedHashMap<>();
        Map<String, String> elements = new LinkedHashMap<>();
        Set<String> ppm = new HashSet<>();
        for (String raw : header) {
            String h = raw.strip();
            Field f = FIELD_NAMES.get(h.toLowerCase(Locale.ROOT));
            if (f != null) {
                fields.put(h, f);
                continue;
            }
            String symbol = h;
            boolean isPpm = false;
            Matcher m = UNIT.matcher(h);
            if (m.matches()) {
                symbol = m.group(1).strip();
                isPpm = m.group(2).equalsIgnoreCase("ppm");
            }
            String element = canonical(symbol);
            if (element != null) {
                elements.put(h, element);
                if (isPpm) {
                    ppm.add(h);
                }
            }
        }
        return new ColumnMapping(fields, elements, ppm);
    }

    /** This mapping's entries for the columns of {@code header} only (to recognise the header row). */
    public ColumnMapping restrictedTo(String[] header) {
        Map<String, Field> f = new LinkedHashMap<>();
        Map<String, String> e = new LinkedHashMap<>();
        for (String raw : header) {
            String h = raw.strip();
            if (fields.containsKey(h)) {
                f.put(h, fields.get(h));
            }
            if (elements.containsKey(h)) {
                e.put(h, elements.get(h));
            }
        }
        return new ColumnMapping(f, e, ppmElements);
    }

    /** The element symbol {@code s} names, in any letter case, or null. */
    private static String canonical(String s) {
        if (s.isEmpty() || s.length() > 2) {
            return null;
        }
        String c = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
        return Elements.standard().contains(c) ? c : null;
    }
}
