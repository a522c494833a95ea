package ca.scalloy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.heat.BelowDetection;
import ca.scalloy.engine.heat.SampleAnalysis;

class SpectrometerCsvTest {

    /*
     * recipes/analyses/oes-alsc2-heat.csv: ';' separated, decimal comma, Na and Ca in ppm.
     * Sample 1: Sc 1,862 % -> 1.862; Na 18 ppm -> 0.0018 wt%; Ca 21 ppm -> 0.0021 wt%.
     * Sample 2: Na '<5' -> below the detection limit 5 ppm = 0.0005 wt%, kept as such (not a value), with a warning.
     * Sample F: Na 'n.d.' -> not detected, no limit stated (not 0, not absent), warned.
     */
    @Test
    void readsTheOesExportWithDecimalCommaAndPpmColumns() throws Exception {
        SpectrometerImport imp = SpectrometerCsv.read(Path.of("recipes/analyses/oes-alsc2-heat.csv"));
        assertEquals("SPECTROLAB OES 2", imp.instrument());
        assertEquals(3, imp.samples().size());
        SampleAnalysis first = imp.samples().get(0);
        assertEquals("H-2026-0142-1", first.sampleNumber());
        assertEquals("2026-11-26T09:14:05", first.takenAt());
        assertEquals(1.862, first.wtPct().get("Sc"), 1e-12);
        assertEquals(0.0018, first.wtPct().get("Na"), 1e-12);
        assertEquals(0.0021, first.wtPct().get("Ca"), 1e-12);
        assertFalse(imp.samples().get(1).wtPct().containsKey("Na"));
        assertEquals(0.0005, imp.samples().get(1).belowDetection().get("Na").limitWtPct(), 1e-12);
        assertFalse(imp.samples().get(2).wtPct().containsKey("Na"));
        assertEquals(BelowDetection.notDetected(), imp.samples().get(2).belowDetection().get("Na"));
        assertTrue(imp.warnings().contains("column 'Operator' is neither an element nor a sample field; ignored"), imp.warnings().toString());
        // The limit is written back in the file's unit, never as the raw double "5.0E-4 wt%".
        assertTrue(imp.warnings().contains("H-2026-0142-2: Na ppm below the detection limit (<5); kept as < 5\u00a0ppm"), imp.warnings().toString());
        assertTrue(imp.warnings().stream().anyMatch(w -> w.startsWith("H-2026-0142-F: Na ppm reported as 'n.d.'")), imp.warnings().toString());
        assertEquals(Set.of("Na ppm", "Ca ppm"), imp.mapping().ppmElements());
        assertFalse(imp.log().isEmpty());
    }

    /* recipes/analyses/icp-5028-heat.csv: ',' separated, decimal point, all wt%, ISO time and a method column. */
    @Test
    void readsTheLaboratoryExport() throws Exception {
        SpectrometerImport imp = SpectrometerCsv.read(Path.of("recipes/analyses/icp-5028-heat.csv"));
        assertEquals(2, imp.samples().size());
        SampleAnalysis s = imp.samples().get(1);
        assertEquals("ICP-OES", s.method());
        assertEquals("2026-11-27T08:55", s.takenAt());
        assertEquals(Map.ofEntries(Map.entry("Mg", 4.24), Map.entry("Mn", 0.351), Map.entry("Sc", 0.203), Map.entry("Zr", 0.087),
                Map.entry("Fe", 0.119), Map.entry("Si", 0.060), Map.entry("Cu", 0.004), Map.entry("Zn", 0.011),
                Map.entry("Ti", 0.012), Map.entry("Cr", 0.002), Map.entry("Be", 0.0003)), s.wtPct());
        assertTrue(imp.warnings().isEmpty(), imp.warnings().toString());
    }

    @Test
    void aRememberedMappingReadsAnInstrumentsOwnHeaders() throws Exception {
        ColumnMapping mapping = new ColumnMapping(Map.of("Probe", ColumnMapping.Field.SAMPLE),
                Map.of("Scandium", "Sc", "Eisen", "Fe"), Set.of());
        SpectrometerImport imp = SpectrometerCsv.parse("Probe;Scandium;Eisen\nP1;0,25;0,11\n", "de.csv", mapping);
        assertEquals(Map.of("Sc", 0.25, "Fe", 0.11), imp.samples().get(0).wtPct());
    }

    @Test
    void anEmptyFileIsRefused() {
        SpectrometerFormatException e = assertThrows(SpectrometerFormatException.class, () -> SpectrometerCsv.parse("  \n", "empty.csv", null));
        assertEquals("empty.csv: the file is empty", e.getMessage());
    }

    @Test
    void aMissingSampleColumnIsRefusedNamingTheHeaderLine() {
        SpectrometerFormatException e = assertThrows(SpectrometerFormatException.class,
                () -> SpectrometerCsv.parse("Date;Sc;Fe\n2026-11-26;0,25;0,11\n", "nosample.csv", null));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("no sample column"), e.getMessage());
    }

    @Test
    void textInANumberCellIsRefusedNamingLineAndColumn() {
        SpectrometerFormatException e = assertThrows(SpectrometerFormatException.class,
                () -> SpectrometerCsv.parse("Sample;Sc;Fe\nS1;0,25;0,11\nS2;high;0,12\n", "text.csv", null));
        assertEquals(3, e.line());
        assertEquals("text.csv, line 3: column 'Sc': 'high' is not a number", e.getMessage());
    }

    @Test
    void aHeaderWithoutRowsIsRefused() {
        assertThrows(SpectrometerFormatException.class, () -> SpectrometerCsv.parse("Sample,Sc,Fe\n", "header-only.csv", null));
    }

    /* The cut file: the OES export ending right after the final sample's Sc value (line 5). */
    @Test
    void aFileCutOffMidRowIsRefusedWholeNamingTheLine() throws Exception {
        String whole = java.nio.file.Files.readString(Path.of("recipes/analyses/oes-alsc2-heat.csv"));
        String cut = whole.substring(0, whole.indexOf("1,968") + "1,968".length());
        SpectrometerFormatException e = assertThrows(SpectrometerFormatException.class, () -> SpectrometerCsv.parse(cut, "cut.csv", null));
        assertEquals(5, e.line());
        assertEquals("cut.csv, line 5: the row has 5 fields where the header (line 2) has 13: the file ends mid-row (cut off?);"
                + " nothing imported", e.getMessage());
        SpectrometerFormatException quote = assertThrows(SpectrometerFormatException.class,
                () -> SpectrometerCsv.parse("Sample;Sc;Fe\nS1;0,25;\"0,1", "quote.csv", null));
        assertTrue(quote.getMessage().contains("not closed"), quote.getMessage());
    }

    @Test
    void aDuplicateElementColumnIsRefusedNamingTheHeaderLine() {
        SpectrometerFormatException e = assertThrows(SpectrometerFormatException.class,
                () -> SpectrometerCsv.parse("Sample;Sc %;Na ppm;Na %\nS1;0,25;18;0,0018\n", "dup.csv", null));
        assertEquals(1, e.line());
        assertEquals("dup.csv, line 1: columns 'Na ppm' and 'Na %' both give Na; keep one", e.getMessage());
    }

    @Test
    void mixedDecimalMarksAreRefusedNamingTheLine() {
        SpectrometerFormatException e = assertThrows(SpectrometerFormatException.class,
                () -> SpectrometerCsv.parse("Sample;Sc;Fe\nS1;0,25;0,11\nS2;0.26;0,12\n", "mixed.csv", null));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("'0.26' uses a decimal point where the file's earlier values use a decimal comma"), e.getMessage());
    }

    @Test
    void quotedFieldsAreReadAsCsv() throws Exception {
        SpectrometerImport imp = SpectrometerCsv.parse("Sample,Method,Sc,Fe\n\"S-1, top\",\"ICP, 2 lines\",0.25,0.11\n", "q.csv", null);
        assertEquals("S-1, top", imp.samples().get(0).sampleNumber());
        assertEquals("ICP, 2 lines", imp.samples().get(0).method());
        assertEquals(Map.of("Sc", 0.25, "Fe", 0.11), imp.samples().get(0).wtPct());
    }

    @Test
    void detectionLimitsWithTheirUnitAreKeptAsReported() throws Exception {
        SpectrometerImport imp = SpectrometerCsv.parse("Sample;Sc %;Na %;Ca %\nS1;1,97;<5 ppm;<0,001\n", "lod.csv", null);
        SampleAnalysis s = imp.samples().get(0);
        assertEquals(0.0005, s.belowDetection().get("Na").limitWtPct(), 1e-12);
        assertEquals(0.001, s.belowDetection().get("Ca").limitWtPct(), 1e-12);
        assertEquals(Map.of("Sc", 1.97), s.wtPct());
    }
}
