package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.heat.BelowDetection;

/** Numbers and element amounts as typed in English or French. */
class TextInputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1000|1000", "0.15|0.15", "0,15|0.15", " 2 000,5 |2000.5", "1e3|1000", "-3|-3"})
    void numbersAcceptAPointOrACommaAsDecimalSeparator(String text, double expected) {
        assertEquals(expected, Numbers.parseOptional(text));
    }

    @Test
    void blankIsNoNumberAndGarbageIsNamed() {
        assertNull(Numbers.parseOptional("  "));
        InputException e = assertThrows(InputException.class, () -> Numbers.parseOptional("12kg"));
        assertEquals("“12kg” is not a number", e.getMessage());
        assertThrows(InputException.class, () -> Numbers.parseOptional("NaN"));
        assertThrows(InputException.class, () -> Numbers.parseOptional("1.5.2"));
    }

    @Test
    void amountsReadEnglishAndFrenchSeparators() {
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("Fe", 0.10);
        expected.put("Si", 0.05);
        assertEquals(expected, ElementAmounts.parse("Fe=0.10, Si=0.05"));
        assertEquals(expected, ElementAmounts.parse("Fe=0,10 ; Si=0,05"));
        assertEquals(expected, ElementAmounts.parse("Fe=0,10, Si=0,05"));
        assertEquals(expected, ElementAmounts.parse("Fe: 0.1; Si: 0.05;"));
    }

    @Test
    void amountsRoundTripInEitherLanguage() {
        Map<String, Double> m = Map.of("Sc", 2.0);
        assertEquals("Sc=2", ElementAmounts.format(m, Locale.CANADA));
        Map<String, Double> two = new LinkedHashMap<>();
        two.put("Fe", 0.1);
        two.put("Si", 0.05);
        assertEquals("Fe=0,1 ; Si=0,05", ElementAmounts.format(two, Locale.CANADA_FRENCH));
        assertEquals(two, ElementAmounts.parse(ElementAmounts.format(two, Locale.CANADA_FRENCH)));
    }

    @Test
    void assayNamesItsBalanceWhenItIsNotTheRecipes() {
        ElementAmounts.Assay sc = ElementAmounts.parseAssay("Sc=bal, Fe=0.03, Ca=0.01", "Al");
        assertEquals("Sc", sc.balanceElement());
        assertEquals(Map.of("Fe", 0.03, "Ca", 0.01), sc.wtPct());
        assertEquals("Al", ElementAmounts.parseAssay("Fe=0.1", "Al").balanceElement());
        assertEquals("Sc=bal ; Fe=0,03", ElementAmounts.formatAssay(Map.of("Fe", 0.03), "Sc", "Al", Locale.CANADA_FRENCH));
        assertEquals("Fe=0.03", ElementAmounts.formatAssay(Map.of("Fe", 0.03), "Al", "Al", Locale.CANADA));
        assertEquals("both Sc and Mg are named as the balance",
                assertThrows(InputException.class, () -> ElementAmounts.parseAssay("Sc=bal, Mg=reste", "Al")).getMessage());
    }

    @Test
    void aSampleKeepsWhatWasReportedBelowDetectionWithItsLimitInWtPct() {
        // "<5 ppm" is a limit of 5 / 10,000 = 0.0005 wt%; "<0,001" is already wt%; "n.d." states no limit.
        ElementAmounts.Sample s = ElementAmounts.parseSample("Sc=1,72 ; Fe=0,11 ; Na=<5 ppm ; Ca=n.d. ; Li=< 0,001");
        assertEquals(Map.of("Sc", 1.72, "Fe", 0.11), s.wtPct());
        assertEquals(BelowDetection.below(0.0005), s.belowDetection().get("Na"));
        assertEquals(BelowDetection.notDetected(), s.belowDetection().get("Ca"));
        assertEquals(BelowDetection.below(0.001), s.belowDetection().get("Li"));
        assertEquals(BelowDetection.notDetected(), ElementAmounts.parseSample("Na=ND").belowDetection().get("Na"));
        assertEquals(Map.of(), ElementAmounts.parseSample("Sc=1.72, Fe=0.11").belowDetection());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Na=<abc ppm|Na: “<abc ppm” is not a detection limit (a number above 0 after “<”, in wt% or ppm)",
        "Na=<0|Na: “<0” is not a detection limit (a number above 0 after “<”, in wt% or ppm)",
        "Qq=n.d.|“Qq” is not a known element",
        "Na=0.001, Na=n.d.|Na is listed twice",
        "Na=n.d., Na=<5 ppm|Na is listed twice"})
    void aBadSampleEntryIsNamed(String text, String message) {
        assertEquals(message, assertThrows(InputException.class, () -> ElementAmounts.parseSample(text)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Fe 0.1|“Fe 0.1” is not of the form Element=number",
        "Qq=1|“Qq” is not a known element",
        "Fe=|Fe: no value after “=”",
        "Fe=0.1, Fe=0.2|Fe is listed twice",
        "Fe=abc|“abc” is not a number"})
    void badAmountsAreNamed(String text, String message) {
        assertEquals(message, assertThrows(InputException.class, () -> ElementAmounts.parse(text)).getMessage());
    }
}
