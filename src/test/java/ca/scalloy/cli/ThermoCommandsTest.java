package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code scheil} and {@code equilibrium} commands of issue 12: their JSON keys and bad input. */
class ThermoCommandsTest {

    @Test
    void equilibriumJsonHasTheContractKeys() throws Exception {
        CliRun r = CliRun.of("equilibrium", "--composition", "Sc=0.3,Zr=0.15", "--temp-c", "500", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        assertEquals(500, j.get("tempC").asDouble(), 1e-9);
        JsonNode phases = j.get("phases");
        assertEquals(2, phases.size());
        double sum = 0;
        for (JsonNode p : phases) {
            assertTrue(p.has("name") && p.has("molFraction") && p.get("compositionWtPct").has("Al"), p.toString());
            sum += p.get("molFraction").asDouble();
        }
        assertEquals(1, sum, 1e-6);
        assertEquals("FCC_A1", phases.get(0).get("name").asText());
        assertEquals("AL3SC", phases.get(1).get("name").asText());
        assertTrue(j.get("database").get("files").size() >= 2);
        assertTrue(j.get("database").get("systems").has("Al-Zr"));
        assertTrue(j.get("converged").asBoolean());
    }

    @Test
    void scheilJsonHasTheContractKeys() throws Exception {
        CliRun r = CliRun.of("scheil", "--composition", "Zr=0.42", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        assertEquals(797, j.get("liquidusC").asDouble(), 1);
        assertEquals("AL3ZR", j.get("liquidusPrimaryPhase").asText());
        assertTrue(j.get("solidusC").asDouble() < j.get("liquidusC").asDouble());
        JsonNode steps = j.get("steps");
        assertTrue(steps.size() > 5);
        JsonNode last = steps.get(steps.size() - 1);
        assertTrue(last.has("tempC") && last.has("fractionSolid") && last.get("phases").isArray(), last.toString());
        assertTrue(j.get("retainedInSolutionWtPct").has("Zr"));
        assertTrue(j.has("database"));
    }

    @Test
    void textOutputsNameThePrimaryPhaseAndTheData() {
        CliRun r = CliRun.of("scheil", "--composition", "Ti=0.3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("primary AL3TI"), r.out());
        assertTrue(r.out().contains("cost507-light-alloys.tdb"), r.out());
        CliRun e = CliRun.of("equilibrium", "--composition", "Mg=4.5", "--temp-c", "300");
        assertEquals(0, e.exit(), e.err());
        assertTrue(e.out().contains("AL3MG2"), e.out());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
        "Xx=1; 500; Xx: unknown element",
        "Mg=60,Si=45; 500; above 100 wt%",
        "Cu=4.4; 500; the thermodynamic data cover",
        "Sc=0.3; 3000; --temp-c must be from 25.0 to 2626.9",
        "Sc=abc; 500; --composition: Sc: \"abc\" is not a decimal number",
    })
    void badInputExitsWithTwoAndOneLineNamingTheValue(String composition, String tempC, String expected) {
        CliRun r = CliRun.of("equilibrium", "--composition", composition, "--temp-c", tempC);
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void scheilRefusesAnUnknownElement() {
        CliRun r = CliRun.of("scheil", "--composition", "Qq=1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Qq"), r.err());
    }
}
