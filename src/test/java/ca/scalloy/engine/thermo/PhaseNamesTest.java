package ca.scalloy.engine.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhaseNamesTest {

    @ParameterizedTest
    @CsvSource({
        "LIQUID, L",
        "FCC_A1, (Al)",
        "FCC_A1#2, (Al)#2",
        "AL3SC, Al3Sc",
        "AL3ZR, Al3Zr",
        "AL13FE4, Al13Fe4",
        "ALSC, AlSc",
        "MG2SI, Mg2Si",
        "AL6MN, Al6Mn",
        "AL3MG2, β-Al3Mg2",
        "ALFESI_ALPHA, α-AlFeSi",
        "ALMNSI_TAU1, τ1-AlMnSi",
        "DIAMOND_A4, (Si)",
    })
    void phasesAreWrittenAsMetallurgistsWriteThem(String phase, String shown) {
        assertEquals(shown, PhaseNames.display(phase));
    }
}
