package ca.scalloy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The golden strings are written by hand. In them "_" stands for the no-break space (U+00A0) that
 * ties a unit or a "≤" to its number, and "~" for the narrow no-break space (U+202F) French puts
 * between thousands; {@link #text} turns them back into the real characters.
 */
class QuantitiesTest {

    private static final ZoneId MONTREAL = ZoneId.of("America/Montreal");
    private static final Quantities EN = Quantities.of(Locale.CANADA).withZone(MONTREAL);
    private static final Quantities FR = Quantities.of(Locale.CANADA_FRENCH).withZone(MONTREAL);

    private static String text(String golden) {
        return golden.replace('_', '\u00a0').replace('~', '\u202f');
    }

    private static Quantities in(String language) {
        return "fr".equals(language) ? FR : EN;
    }

    @ParameterizedTest(name = "{0}: {1} kg → {2}")
    @CsvSource(delimiter = '|', value = {
            // one decimal, half-up: 1234.55 → 1234.6 (BigDecimal.valueOf keeps the typed digits)
            "en | 1234.55   | 1,234.6_kg",
            "fr | 1234.55   | 1~234,6_kg",
            "en | 1000000   | 1,000,000.0_kg",
            "fr | 1000000   | 1~000~000,0_kg",
            // -0.04 rounds to zero and prints unsigned
            "en | -0.04     | 0.0_kg",
            "fr | -0.0      | 0,0_kg",
            "en | -12.25    | -12.3_kg"})
    void massesHaveOneDecimalGroupedThousandsAndNoNegativeZero(String language, double kg, String golden) {
        assertEquals(text(golden), in(language).kg(kg));
    }

    @Test
    void weighedAndTrimMassesAreToTheGram() {
        // 0.1254 kg → 0.125 kg; -0.0004 rounds to zero grams: unsigned
        assertEquals(text("0.125_kg"), EN.kgFine(0.1254));
        assertEquals(text("1~000,500_kg"), FR.kgFine(1000.5));
        assertEquals(text("0,000_kg"), FR.kgFine(-0.0004));
    }

    @ParameterizedTest(name = "{0}: {1} wt% → {2}")
    @CsvSource(delimiter = '|', value = {
            // two to four decimals: 0.15 keeps two, 0.0005 needs four, 83.46920859322077 rounds to 83.4692
            "en | 0.15              | 0.15_%",
            "fr | 0.15              | 0,15_%",
            "en | 0.0005            | 0.0005_%",
            "fr | 0.0005            | 0,0005_%",
            "en | 83.46920859322077 | 83.4692_%",
            "fr | 83.46920859322077 | 83,4692_%",
            // -0.00001 rounds (4 decimals) to zero: unsigned
            "en | -0.00001          | 0.00_%",
            "fr | -0.00001          | 0,00_%",
            // a trace above 0 that four decimals would round to 0.0000 keeps two significant digits (0.4 ppm, 0.35 ppm,
            // 0.012 ppm to 0.01 ppm), never "0.00"; below 0.000001 wt% (0.01 ppm) it is 0.00, as solver noise is
            "en | 0.00004           | 0.00004_%",
            "fr | 0.000035          | 0,000035_%",
            "en | 0.0000012         | 0.000001_%",
            "en | 0.0000001         | 0.00_%",
            "en | 0.00005           | 0.0001_%"})
    void compositionsHaveTwoToFourDecimals(String language, double wtPct, String golden) {
        assertEquals(text(golden), in(language).wtPct(wtPct));
    }

    @ParameterizedTest(name = "{0}: {1} {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            // 1 wt% = 10 000 ppm, so 0.0005 wt% = 5 ppm and 0.01 wt% = 100 ppm; 0.00125 wt% = 12.5 ppm
            "en | Na | 0.0005  | 5_ppm",
            "fr | Na | 0.0005  | 5_ppm",
            "en | Ca | 0.01    | 100_ppm",
            "fr | Ca | 0.00125 | 12,5_ppm",
            "en | Na | 0.25    | 2,500_ppm",
            "fr | Na | 0.25    | 2~500_ppm",
            // Be is in the default list (01570 holds it to 0.0002-0.005 wt%): 0.0002 wt% = 2 ppm
            "fr | Be | 0.0002  | 2_ppm",
            // Fe is not in the default ppm list: it stays in wt%
            "en | Fe | 0.0005  | 0.0005_%",
            "fr | Fe | 0.13    | 0,13_%"})
    void traceElementsOfThePpmListPrintInPpm(String language, String element, double wtPct, String golden) {
        assertEquals(text(golden), in(language).content(element, wtPct));
    }

    @Test
    void thePpmListIsThePlantsChoice() {
        Quantities withLi = EN.withPpmElements(List.of("Li", "B"));
        assertEquals(text("3_ppm"), withLi.content("Li", 0.0003));
        assertEquals(text("0.01_%"), withLi.content("Na", 0.01));
        assertEquals(List.of("Na", "Ca", "Li"), Quantities.parsePpmElements(" Na, Ca;Li  Na"));
        assertEquals(List.of(), Quantities.parsePpmElements("  "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantities.parsePpmElements("Na, Xx"));
        assertEquals("ppm elements: \"Xx\" is not an element symbol", e.getMessage());
    }

    @ParameterizedTest(name = "{0}: {1} {2}..{3} → {4}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "en | Fe | null | 0.15 | ≤_0.15_%",
            "fr | Fe | null | 0.15 | ≤_0,15_%",
            "en | Sc | 1.8  | null | ≥_1.80_%",
            "fr | Sc | 1.8  | null | ≥_1,80_%",
            "en | Sc | 1.8  | 2.2  | 1.80–2.20_%",
            "fr | Sc | 1.8  | 2.2  | 1,80–2,20_%",
            // Na ≤ 0.005 wt% is ≤ 50 ppm
            "en | Na | null | 0.005 | ≤_50_ppm",
            "fr | Na | null | 0.005 | ≤_50_ppm",
            "en | Fe | null | null  | —"})
    void limitsAreWrittenWithRelationSignsNeverAsANegativeNumber(String language, String element, Double min, Double max, String golden) {
        String s = in(language).limit(element, min, max);
        assertEquals(text(golden), s);
        assertFalse(s.startsWith("-") || s.startsWith("–"), s);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en | 83.46920859322077 | 83.47_%",
            "fr | 83.46920859322077 | 83,47_%",
            "en | 95                | 95_%",
            "fr | -0.001            | 0_%"})
    void generalPercentagesHaveAtMostTwoDecimals(String language, double pct, String golden) {
        assertEquals(text(golden), in(language).percent(pct));
    }

    @Test
    void temperaturesStrengthsAndConductivityHaveTheirOwnDecimals() {
        assertEquals(text("660_°C"), EN.tempC(660.4));
        assertEquals(text("1~250_°C"), FR.tempC(1249.5));
        assertEquals(text("0_°C"), FR.tempC(-0.4));
        assertEquals(text("250_MPa"), EN.mpa(249.6));
        assertEquals(text("1~250_MPa"), FR.mpa(1250));
        assertEquals(text("61.5_%IACS"), EN.iacs(61.46));
        assertEquals(text("61,5_%IACS"), FR.iacs(61.46));
    }

    @Test
    void moneyCarriesThePlantCurrencyCadByDefault() {
        assertEquals("CAD", EN.currencyCode());
        assertEquals("$1,234.56", EN.money(1234.555));
        assertEquals(text("1~234,56_$"), FR.money(1234.555));
        assertEquals(text("$12.50/kg"), EN.moneyPerKg(12.5));
        assertEquals(text("12,50_$/kg"), FR.moneyPerKg(12.5));
        // -0.004 rounds to zero cents: unsigned
        assertEquals("$0.00", EN.money(-0.004));
        assertEquals("-$3.20", EN.money(-3.2));
        assertEquals(text("7,00_€"), FR.withCurrency("EUR").money(7));
        assertEquals("€7.00", EN.withCurrency("EUR").money(7));
        assertThrows(IllegalArgumentException.class, () -> EN.withCurrency("dollars"));
    }

    @Test
    void datesAndTimesAreInTheReadersZoneAndLanguageWithoutTheIsoT() {
        // 14:05 UTC on 3 December is 09:05 in Montréal (EST, UTC−5)
        Instant at = Instant.parse("2026-12-03T14:05:00Z");
        assertEquals("2026-12-03 09:05", EN.dateTime(at));
        assertEquals("2026-12-03 09 h 05", FR.dateTime(at));
        // 02:00 UTC on 4 December is still 3 December in Montréal
        assertEquals("2026-12-03", FR.day(Instant.parse("2026-12-04T02:00:00Z")));
        assertEquals("December 3, 2026", EN.date(LocalDate.of(2026, 12, 3)));
        assertEquals("3 décembre 2026", FR.date(LocalDate.of(2026, 12, 3)));
        assertEquals("3 décembre 2026", FR.isoText("2026-12-03"));
        assertEquals("2026-12-03 09 h 05", FR.isoText("2026-12-03T14:05:00Z"));
        assertEquals("2026-12-03 09:05", EN.isoText("2026-12-03T09:05:00-05:00"));
        assertEquals("2026-12-03 09:05", EN.isoText("2026-12-03T09:05"));
        assertEquals("end of shift", EN.isoText("end of shift"));
        assertEquals("", EN.isoText(null));
    }
}
