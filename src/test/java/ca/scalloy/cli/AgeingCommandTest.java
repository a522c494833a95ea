package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class AgeingCommandTest {

    /* Issue 12's contract: {points: [{hours, tempC, radiusNm, numberDensityPerM3, volumePct, scInSolutionWtPct, yieldStrengthMPa}], peak: {tempC, hours, yieldStrengthMPa}}. */
    @Test
    void jsonCarriesTheContractKeys() throws Exception {
        CliRun r = CliRun.of("ageing", "--composition", "Sc=0.3", "--schedule", "300:24,400:12", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        JsonNode points = j.get("points");
        assertTrue(points.isArray() && points.size() > 10, r.out());
        for (JsonNode p : points) {
            for (String key : new String[] {"hours", "tempC", "radiusNm", "numberDensityPerM3", "volumePct", "scInSolutionWtPct", "yieldStrengthMPa"}) {
                assertTrue(p.get(key).isNumber(), key + " in " + p);
            }
        }
        for (String key : new String[] {"tempC", "hours", "yieldStrengthMPa"}) {
            assertTrue(j.get("peak").get(key).isNumber(), key);
        }
        assertEquals(0.0, points.get(0).get("hours").asDouble());
        assertEquals(36.0, points.get(points.size() - 1).get("hours").asDouble(), 1e-9);
        assertEquals(400.0, points.get(points.size() - 1).get("tempC").asDouble());
        assertEquals("CAST", j.get("process").asText());
        // the peak is the strongest of the points
        double max = 0;
        for (JsonNode p : points) {
            max = Math.max(max, p.get("yieldStrengthMPa").asDouble());
        }
        assertEquals(max, j.get("peak").get("yieldStrengthMPa").asDouble(), 1e-9);
    }

    @Test
    void rapidRouteKeepsMoreScInSolutionThanCasting() throws Exception {
        CliRun rapid = CliRun.of("ageing", "--composition", "Sc=0.7,Mg=4.5", "--schedule", "325:4", "--process", "RAPID", "--json");
        CliRun cast = CliRun.of("ageing", "--composition", "Sc=0.7,Mg=4.5", "--schedule", "325:4", "--json");
        assertEquals(0, rapid.exit(), rapid.err());
        // LPBF keeps the fitted 0.25 wt% (rapid-solidification-limits.csv); Scheil-Gulliver about half of that
        assertEquals(0.25, rapid.json().at("/points/0/scInSolutionWtPct").asDouble(), 1e-9);
        assertTrue(cast.json().at("/points/0/scInSolutionWtPct").asDouble() < 0.2, cast.out());
        assertTrue(rapid.json().at("/peak/yieldStrengthMPa").asDouble() > cast.json().at("/peak/yieldStrengthMPa").asDouble());
    }

    @Test
    void textOutputNamesThePeak() {
        CliRun r = CliRun.of("ageing", "--composition", "Sc=0.3", "--schedule", "350:10");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Peak: ") && r.out().contains("350 °C"), r.out());
    }

    /* Bad input: exit 2 and one line naming the value and what is allowed. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Xx=0.3|300:24|CAST|--composition: Xx: unknown element",
        "Sc=60,Mg=50|300:24|CAST|--composition: the listed elements sum to 110.0 wt%, above 100 wt%",
        "Sc=0.3|300|CAST|--schedule: '300' is not TEMP_C:HOURS",
        "Sc=0.3|300:abc|CAST|--schedule: hours 'abc' in step '300:abc' is not a number",
        "Sc=0.3|700:2|CAST|--schedule: temperature 700 °C in step '700:2' is outside what the kinetic model covers (100 to 550 °C)",
        "Sc=0.3|300:2|LASER|--process: 'LASER' is not a process route; allowed: CAST, RAPID, EQUILIBRIUM",
        "Sc=0.3,Cu=3|300:2|CAST|--composition: the thermodynamic data cover"})
    void badInputExitsTwoWithOneLine(String composition, String schedule, String process, String expected) {
        CliRun r = CliRun.of("ageing", "--composition", composition, "--schedule", schedule, "--process", process);
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out());
    }
}
