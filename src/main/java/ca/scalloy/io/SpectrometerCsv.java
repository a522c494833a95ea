package ca.scalloy.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ca.scalloy.engine.heat.SampleAnalysis;

/**
 * Reads spectrometer and laboratory exports: CSV with one row per sample and one column per
 * element, separated by ";", "," or tabs, values in wt% or ppm (per column, from the header or the
 * mapping), with a decimal point, or a decimal comma where the separator is ";" or a tab.
 *
 * <p>Unknown columns, values below the detection limit ("&lt;5") and "not detected" marks ("n.d.",
 * "-") are warnings, not failures; an empty file, a missing sample column, or text where a number
 * belongs stops the import with the line and column named. Nothing is half-imported: the result
 * is built whole or not at all.
 */
public final class SpectrometerCsv {

    private static final Set<String> NOT_DETECTED = Set.of("n.d.", "nd", "n.d", "-", "--", "<lod", "bdl");

    private SpectrometerCsv() {
    }

    /** Reads a file with the columns detected from its header. */
    public static SpectrometerImport read(Path file) throws IOException, SpectrometerFormatException {
        return parse(TextFiles.read(file, TextFiles.CSV_MAX_BYTES, "a spectrometer export"), file.getFileName().toString(), null);
    }

    /** Reads a file with a remembered mapping (null: detect it from the header). */
    public static SpectrometerImport read(Path file, ColumnMapping mapping) throws IOException, SpectrometerFormatException {
        return parse(TextFiles.read(file, TextFiles.CSV_MAX_BYTES, "a spectrometer export"), file.getFileName().toString(), mapping);
    }

    /**
     * Parses export text.
     *
     * @param source  the file name, for messages
     * @param mapping the column mapping to use, or null to detect it from the header
     */
    public static SpectrometerImport parse(String text, String source, ColumnMapping mapping) throws SpectrometerFormatException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.split("\\R", -1);
        List<String> log = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (body.isBlank()) {
            throw new SpectrometerFormatException(source, 0, "the file is empty");
        }
        char sep = separator(lines);
        boolean decimalComma = sep != ',';
        log.add("separator '" + (sep == '\t' ? "tab" : String.valueOf(sep)) + "', decimal " + (decimalComma ? "comma or point" : "point"));
        String instrument = "";
        int headerLine = -1;
        ColumnMapping used = mapping;
        for (int i = 0; i < lines.length && headerLine < 0; i++) {
            String[] cells = split(lines[i], sep);
            ColumnMapping candidate = mapping == null ? ColumnMapping.detect(cells) : mapping.restrictedTo(cells);
            boolean isHeader = candidate.fields().containsValue(ColumnMapping.Field.SAMPLE) || candidate.elements().size() >= 2;
            if (isHeader) {
                headerLine = i;
                used = mapping == null ? candidate : mapping;
            } else if (cells.length >= 2 && cells[0].strip().equalsIgnoreCase("instrument")) {
                instrument = cells[1].strip();
            }
        }
        if (headerLine < 0) {
            throw new SpectrometerFormatException(source, 0, "no header row with a sample column or element columns was found");
        }
        String[] header = split(lines[headerLine], sep);
        int sampleCol = column(header, used, ColumnMapping.Field.SAMPLE);
        if (sampleCol < 0) {
            throw new SpectrometerFormatException(source, headerLine + 1, "no sample column (expected a header such as 'Sample' or 'sample_id')");
        }
        if (used.elements().isEmpty()) {
            throw new SpectrometerFormatException(source, headerLine + 1, "no element column was recognised");
        }
        for (String h : header) {
            String k = h.strip();
            if (!k.isEmpty() && !used.fields().containsKey(k) && !used.elements().containsKey(k)) {
                warnings.add("column '" + k + "' is neither an element nor a sample field; ignored");
            }
        }
        log.add("header at line " + (headerLine + 1) + ": " + used.elements().size() + " element columns"
                + (instrument.isEmpty() ? "" : ", instrument " + instrument));
        List<SampleAnalysis> samples = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = split(lines[i], sep);
            int lineNo = i + 1;
            String sample = cell(cells, sampleCol);
            if (sample.isEmpty()) {
                throw new SpectrometerFormatException(source, lineNo, "the sample number is empty");
            }
            Map<String, Double> wt = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                String h = header[c].strip();
                String element = used.elements().get(h);
                if (element == null) {
                    continue;
                }
                Double v = value(cell(cells, c), decimalComma, used.ppmElements().contains(h), source, lineNo, h, sample, warnings);
                if (v != null) {
                    wt.put(element, v);
                }
            }
            try {
                samples.add(new SampleAnalysis(sample, takenAt(cells, header, used), field(cells, header, used, ColumnMapping.Field.METHOD), wt));
            } catch (IllegalArgumentException e) {
                throw new SpectrometerFormatException(source, lineNo, e.getMessage());
            }
        }
        if (samples.isEmpty()) {
            throw new SpectrometerFormatException(source, headerLine + 1, "the header is followed by no sample row");
        }
        log.add(samples.size() + " samples read, " + warnings.size() + " warnings");
        return new SpectrometerImport(instrument, used, samples, warnings, log);
    }

    private static Double value(String raw, boolean decimalComma, boolean ppm, String source, int line, String column,
                                String sample, List<String> warnings) throws SpectrometerFormatException {
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (NOT_DETECTED.contains(s.toLowerCase(Locale.ROOT))) {
            warnings.add(sample + ": " + column + " reported as '" + s + "' (not detected); left out");
            return null;
        }
        boolean belowLimit = s.startsWith("<");
        if (belowLimit) {
            s = s.substring(1).strip();
        }
        String number = decimalComma ? s.replace(',', '.') : s;
        double v;
        try {
            v = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new SpectrometerFormatException(source, line, "column '" + column + "': '" + raw.strip() + "' is not a number");
        }
        if (!Double.isFinite(v) || v < 0) {
            throw new SpectrometerFormatException(source, line, "column '" + column + "': " + raw.strip() + " must be a number >= 0");
        }
        double pct = ppm ? v / 10_000 : v;
        if (belowLimit) {
            warnings.add(sample + ": " + column + " below the detection limit (" + raw.strip() + "); the limit "
                    + pct + " wt% is used");
        }
        return pct;
    }

    private static String takenAt(String[] cells, String[] header, ColumnMapping m) {
        String at = field(cells, header, m, ColumnMapping.Field.TAKEN_AT);
        if (!at.isEmpty()) {
            return at;
        }
        String date = field(cells, header, m, ColumnMapping.Field.DATE);
        String time = field(cells, header, m, ColumnMapping.Field.TIME);
        return (date + (date.isEmpty() || time.isEmpty() ? "" : "T") + time).strip();
    }

    private static String field(String[] cells, String[] header, ColumnMapping m, ColumnMapping.Field f) {
        int c = column(header, m, f);
        return c < 0 ? "" : cell(cells, c);
    }

    private static int column(String[] header, ColumnMapping m, ColumnMapping.Field f) {
        for (int c = 0; c < header.length; c++) {
            if (m.fields().get(header[c].strip()) == f) {
                return c;
            }
        }
        return -1;
    }

    private static String cell(String[] cells, int c) {
        return c < cells.length ? cells[c].strip() : "";
    }

    /** The separator of the first non-blank lines: the most frequent of ';', tab and ','. */
    private static char separator(String[] lines) {
        int semi = 0;
        int tab = 0;
        int comma = 0;
        for (int i = 0; i < Math.min(lines.length, 5); i++) {
            semi += count(lines[i], ';');
            tab += count(lines[i], '\t');
            comma += count(lines[i], ',');
        }
        if (semi >= tab && semi >= comma && semi > 0) {
            return ';';
        }
        return tab >= comma && tab > 0 ? '\t' : ',';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static String[] split(String line, char sep) {
        return line.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
    }
}
