package ca.scalloy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.solver.OjalgoSolver;

class CsvWriterTest {

    @Test
    void frenchCsvUsesSemicolonsDecimalCommasABomAndQuotes() {
        String csv = new CsvWriter(';', Locale.CANADA_FRENCH).row(List.of("Matière; \"brute\"", 1234.5, 7)).text();
        assertEquals("\uFEFF\"Matière; \"\"brute\"\"\";1234,5;7\r\n", csv);
        assertEquals(';', CsvWriter.separatorFor(Locale.CANADA_FRENCH));
        assertEquals(',', CsvWriter.separatorFor(Locale.CANADA));
        assertThrows(IllegalArgumentException.class, () -> new CsvWriter(',', Locale.FRANCE));
    }

    /* The exported batch result re-read: every charge line's kg matches the result (worked example 1). */
    @Test
    void aBatchResultExportReadsBackLineByLine(@TempDir Path dir) throws Exception {
        Recipe recipe = RecipeFiles.read(Path.of("recipes/alsc2-oxide-route.json"));
        ChargeResult r = new ChargeCalculator(new OjalgoSolver()).solve(recipe);
        Path file = dir.resolve("charge.csv");
        ChargeResultCsv.write(r, recipe.name(), new CsvWriter(',', Locale.CANADA)).write(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        List<String> lines = Arrays.asList(text.substring(1).split("\r\n"));
        for (var line : r.charge()) {
            String row = lines.stream().filter(l -> l.startsWith(line.materialId() + ",")).findFirst().orElseThrow();
            assertEquals(line.massKg(), Double.parseDouble(row.split(",")[3]), 1e-6);
        }
        String cost = lines.stream().filter(l -> l.startsWith("costTotal,")).findFirst().orElseThrow();
        assertEquals(56930.90, Double.parseDouble(cost.substring("costTotal,".length())), 0.005);
    }
}
