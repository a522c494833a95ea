package ca.scalloy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.engine.spec.Specification;

class SpecificationFilesTest {

    private static String doc(String entries) {
        return "{\"format\": \"scalloy-specifications\", \"formatVersion\": 1, \"specifications\": [" + entries.replace('\'', '"') + "]}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'name': 'A', 'sector': 'EV', 'limits': [{'element': 'Sc', 'minPct': 0.3, 'maxPct': 0.2}]}"
            + "| x.json: $.specifications[0].limits[0]: Sc: minPct 0.3 is above maxPct 0.2",
        "{'name': 'A', 'sector': 'EV', 'limits': [{'element': 'Xx', 'maxPct': 0.2}]}"
            + "| x.json: $.specifications[0].limits[0].element: unknown element 'Xx'",
        "{'name': 'A', 'sector': 'EV'}, {'name': 'A', 'sector': 'AERO'}"
            + "| x.json: $.specifications[1].name: duplicate name \"A\"",
        "{'name': 'A', 'sector': 'ev'}"
            + "| x.json: $.specifications[0].sector: must be an upper-case word such as EV or AERO, was 'ev'",
        "{'name': 'B', 'sector': 'EV', 'limitsAs': 'A'}"
            + "| x.json: $.specifications[0].limitsAs: no earlier specification named \"A\"",
        "{'name': 'A', 'sector': 'EV', 'properties': [{'property': 'HARDNESS', 'value': 3}]}"
            + "| x.json: $.specifications[0].properties[0].property: unknown value \"HARDNESS\"; allowed: [YIELD_STRENGTH_MIN_MPA,"
            + " TENSILE_STRENGTH_MIN_MPA, DENSITY_MAX_G_PER_CM3, CONDUCTIVITY_MIN_PCT_IACS]",
    })
    void badSpecificationsAreRejectedWithTheFieldAndValue(String entries, String message) {
        FormatException e = assertThrows(FormatException.class, () -> SpecificationFiles.parse(doc(entries), "x.json"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theSeedSpecificationsSurviveAnExportAndImport() throws Exception {
        List<Specification> seed = SpecificationFiles.read(Path.of("src/main/resources/ca/scalloy/store/seed/specifications.json"));
        assertEquals(17, seed.size());
        assertEquals(seed, SpecificationFiles.parse(SpecificationFiles.toJson(seed), "export"));
    }

    @Test
    void theSeedMaterialsSurviveAnExportAndImportAndDuplicatesAreRefused() throws Exception {
        List<LibraryMaterial> seed = MaterialFiles.read(Path.of("src/main/resources/ca/scalloy/store/seed/materials.json"));
        assertEquals(seed, MaterialFiles.parse(MaterialFiles.toJson(seed), "export"));
        String twice = "{\"format\": \"scalloy-materials\", \"formatVersion\": 1, \"materials\": ["
                + "{\"id\": \"F\", \"kind\": \"FLUX\"}, {\"id\": \"F\", \"kind\": \"FLUX\"}]}";
        FormatException e = assertThrows(FormatException.class, () -> MaterialFiles.parse(twice, "m.json"));
        assertEquals("m.json: $.materials[1].id: duplicate id \"F\"", e.getMessage());
    }
}
