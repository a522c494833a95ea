package ca.scalloy.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.heat.BelowDetection;
import ca.scalloy.engine.heat.SampleAnalysis;

/**
 * Reads spectrometer and laboratory exports: CSV (read as CSV by Apache Commons CSV, so a quoted field
 * may hold the separator or a line break) with one row per sample and one column per element,
 * separated by ";", "," or tabs, values in wt% or ppm (per column, from the header or the mapping),
 * with a decimal point, or a decimal comma where the separator is ";" or a tab.
 *
 * <p>What the instrument reports is kept as reported: a value; "&lt;x" or "&lt;5 ppm" as below the
 * detection limit x ({@link BelowDetection}); "n.d.", "-", "&lt;LOD", "bdl" as not detected with no stated
 * limit; an empty cell as not reported. None of them becomes 0. Unknown columns are warnings.
 *
 * <p>The whole file is refused, naming the line, when it is empty, has no sample column, has text where a
 * number belongs, has two columns for one element, mixes decimal points and decimal commas, has a row with
 * more or fewer fields than the header (a file that ends mid-row), or an unterminated quote. Nothing is
 * half-imported: the result is built whole or not at all.
 */
public final class SpectrometerCsv {

    private static final Pattern BELOW = Pattern.compile("<\\s*([0-9]+(?:[.,][0-9]+)?)\\s*(ppm|%|wt%)?", Pattern.CASE_INSENSITIVE);

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

    /** One row as read, with the line it starts on. */
    private record Row(int line, String[] cells) {
    }

    /**
     * Parses export text.
     *
     * @param source  the file name, for messages
     * @param mapping the column mapping to use, or null to detect it from the header
     */
    public static SpectrometerImport parse(String text, String source, ColumnMapping mapping) throws SpectrometerFormatException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Message> log = new ArrayList<>();
        List<Message> warnings = new ArrayList<>();
        if (body.isBlank()) {
            throw new SpectrometerFormatException(source, 0, Message.of("heats.import.error.empty", "the file is empty"));
        }
        char sep = separator(body.split("\\R", -1));
        boolean decimalComma = sep != ',';
        log.add(Message.of(sep == '\t' ? "heats.import.log.tab" : "heats.import.log.separator", "separator '" + (sep == '\t' ? "tab"
                : String.valueOf(sep)) + "', decimal " + (decimalComma ? "comma or point" : "point"), String.valueOf(sep), decimalComma ? 1 : 0));
        List<Row> rows = rows(body, sep, source);
        String instrument = "";
        int headerIndex = -1;
        ColumnMapping used = mapping;
        for (int i = 0; i < rows.size() && headerIndex < 0; i++) {
            String[] cells = rows.get(i).cells();
            ColumnMapping candidate = mapping == null ? ColumnMapping.detect(cells) : mapping.restrictedTo(cells);
            boolean isHeader = candidate.fields().containsValue(ColumnMapping.Field.SAMPLE) || candidate.elements().size() >= 2;
            if (isHeader) {
                headerIndex = i;
                used = mapping == null ? candidate : mapping;
            } else if (cells.length >= 2 && cells[0].strip().equalsIgnoreCase("instrument")) {
                instrument = cells[1].strip();
            }
        }
        if (headerIndex < 0) {
            throw new SpectrometerFormatException(source, 0, Message.of("heats.import.error.noHeader",
                    "no header row with a sample column or element columns was found"));
        }
        int headerLine = rows.get(headerIndex).line();
        String[] header = rows.get(headerIndex).cells();
        int sampleCol = column(header, used, ColumnMapping.Field.SAMPLE);
        if (sampleCol < 0) {
            throw new SpectrometerFormatException(source, headerLine, Message.of("heats.import.error.noSampleColumn",
                    "no sample column (expected a header such as 'Sample' or 'sample_id')"));
        }
        if (used.elements().isEmpty()) {
            throw new SpectrometerFormatException(source, headerLine, Message.of("heats.import.error.noElementColumn",
                    "no element column was recognised"));
        }
        Map<String, String> columnOf = new LinkedHashMap<>();
        for (String h : header) {
            String k = h.strip();
            String element = used.elements().get(k);
            String earlier = element == null ? null : columnOf.put(element, k);
            if (earlier != null) {
                throw new SpectrometerFormatException(source, headerLine, Message.of("heats.import.error.sameElement", "columns '" + earlier
                        + "' and '" + k + "' both give " + element + "; keep one", earlier, k, element));
            }
            if (!k.isEmpty() && !used.fields().containsKey(k) && element == null) {
                warnings.add(Message.of("heats.import.warn.unknownColumn", "column '" + k + "' is neither an element nor a sample field; ignored",
                        k));
            }
        }
        log.add(Message.of(instrument.isEmpty() ? "heats.import.log.header" : "heats.import.log.headerInstrument", "header at line "
                + headerLine + ": " + used.elements().size() + " element columns" + (instrument.isEmpty() ? "" : ", instrument " + instrument),
                headerLine, used.elements().size(), instrument));
        List<SampleAnalysis> samples = new ArrayList<>();
        Character mark = null;
        for (int i = headerIndex + 1; i < rows.size(); i++) {
            Row row = rows.get(i);
            String[] cells = row.cells();
            int lineNo = row.line();
            if (cells.length != header.length) {
                boolean last = i == rows.size() - 1;
                boolean cut = last && cells.length < header.length;
                throw new SpectrometerFormatException(source, lineNo, Message.of(cut ? "heats.import.error.cutRow" : "heats.import.error.rowLength",
                        "the row has " + cells.length + " fields where the header (line " + headerLine + ") has " + header.length
                        + (cut ? ": the file ends mid-row (cut off?); nothing imported" : ""), cells.length, headerLine, header.length));
            }
            String sample = cell(cells, sampleCol);
            if (sample.isEmpty()) {
                throw new SpectrometerFormatException(source, lineNo, Message.of("heats.import.error.noSample", "the sample number is empty"));
            }
            Map<String, Double> wt = new LinkedHashMap<>();
            Map<String, BelowDetection> below = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                String h = header[c].strip();
                String element = used.elements().get(h);
                if (element == null) {
                    continue;
                }
                String raw = cell(cells, c);
                Character m = decimalMark(raw);
                if (m != null) {
                    if (mark == null) {
                        mark = m;
                    } else if (!mark.equals(m)) {
                        throw new SpectrometerFormatException(source, lineNo, Message.of("heats.import.error.mixedMark", "column '" + h + "': '"
                                + raw + "' uses a decimal " + (m == ',' ? "comma" : "point") + " where the file's earlier values use a decimal "
                                + (mark == ',' ? "comma" : "point") + "; one file, one decimal mark", h, raw, m == ',' ? 1 : 0));
                    }
                }
                read(raw, decimalComma, used.ppmElements().contains(h), source, lineNo, h, sample, element, wt, below, warnings);
            }
            try {
                samples.add(new SampleAnalysis(sample, takenAt(cells, header, used), field(cells, header, used, ColumnMapping.Field.METHOD), wt,
                        below));
            } catch (MessageException e) {
                throw new SpectrometerFormatException(source, lineNo, e.message());
            } catch (IllegalArgumentException e) {
                throw new SpectrometerFormatException(source, lineNo, e.getMessage());
            }
        }
        if (samples.isEmpty()) {
            throw new SpectrometerFormatException(source, headerLine, Message.of("heats.import.error.noRow",
                    "the header is followed by no sample row"));
        }
        log.add(Message.of("heats.import.log.done", samples.size() + " samples read, " + warnings.size() + " warnings", samples.size(),
                warnings.size()));
        return new SpectrometerImport(instrument, used, samples, warnings, log);
    }

    /** Every non-blank record with the line it starts on (a quoted field may span lines). */
    private static List<Row> rows(String body, char sep, String source) throws SpectrometerFormatException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(sep).setQuote('"').setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(false).get();
        List<Row> rows = new ArrayList<>();
        int[] lineStarts = lineStarts(body);
        try (CSVParser parser = CSVParser.parse(body, format)) {
            for (CSVRecord r : parser) {
                int line = lineOf(lineStarts, r.getCharacterPosition());
                String[] cells = r.values();
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                rows.add(new Row(line, cells));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new SpectrometerFormatException(source, countLines(body), Message.of("heats.import.error.openQuote",
                    "a quoted field is not closed before the end of the file (cut off?): " + e.getMessage()));
        }
        return rows;
    }

    private static int[] lineStarts(String body) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\n' || (ch == '\r' && (i + 1 >= body.length() || body.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, long position) {
        int i = java.util.Arrays.binarySearch(lineStarts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private static int countLines(String body) {
        return lineStarts(body).length;
    }

    /** The decimal mark a number cell uses, or null when it has none (an integer, text, "n.d."). */
    private static Character decimalMark(String raw) {
        String s = raw.strip();
        if (s.startsWith("<")) {
            s = s.substring(1).strip();
        }
        if (s.matches("[0-9]+,[0-9]+.*")) {
            return ',';
        }
        return s.matches("[0-9]*\\.[0-9]+.*") ? '.' : null;
    }

    private static void read(String raw, boolean decimalComma, boolean ppm, String source, int line, String column, String sample,
                             String element, Map<String, Double> wt, Map<String, BelowDetection> below, List<Message> warnings)
            throws SpectrometerFormatException {
        String s = raw.strip();
        if (s.isEmpty()) {
            return;
        }
        if (BelowDetection.saysNotDetected(s)) {
            warnings.add(Message.of("heats.import.warn.notDetected", sample + ": " + column + " reported as '" + s
                    + "' (not detected, no limit stated); kept as not detected", sample, column, s));
            below.put(element, BelowDetection.notDetected());
            return;
        }
        Matcher m = BELOW.matcher(s);
        if (m.matches()) {
            double limit = number(m.group(1), decimalComma, source, line, column, raw);
            boolean inPpm = m.group(2) == null ? ppm : m.group(2).equalsIgnoreCase("ppm");
            double pct = inPpm ? limit / 10_000 : limit;
            // The log is read by a person: the limit in the file's unit, never a raw double ("5.0E-4 wt%").
            Quantities q = Quantities.of(Locale.CANADA);
            // The workbench words the limit in the user's number style (MessageWords), the file's unit kept.
            warnings.add(Message.of(inPpm ? "heats.import.warn.belowPpm" : "heats.import.warn.belowWtPct", sample + ": " + column
                    + " below the detection limit (" + s + "); kept as < " + (inPpm ? q.ppm(pct) : q.wtPctNumber(pct) + " wt%"), sample, column, s,
                    inPpm ? pct * 10_000 : pct));
            below.put(element, BelowDetection.below(pct));
            return;
        }
        double v = number(s, decimalComma, source, line, column, raw);
        wt.put(element, ppm ? v / 10_000 : v);
    }

    private static double number(String s, boolean decimalComma, String source, int line, String column, String raw)
            throws SpectrometerFormatException {
        String number = decimalComma ? s.replace(',', '.') : s;
        double v;
        try {
            if (!number.matches("[+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
                throw new NumberFormatException(number);
            }
            v = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new SpectrometerFormatException(source, line, Message.of("heats.import.error.notNumber", "column '" + column + "': '"
                    + raw.strip() + "' is not a number", column, raw.strip()));
        }
        if (!Double.isFinite(v) || v < 0) {
            throw new SpectrometerFormatException(source, line, Message.of("heats.import.error.negative", "column '" + column + "': "
                    + raw.strip() + " must be a number >= 0", column, raw.strip()));
        }
        return v;
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
}
