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

    /* OWASP CSV injection: a text cell starting with = + - @ tab or CR gets a leading ' and is quoted; numbers stay numbers. */
    @Test
    void aTextCellThatASpreadsheetWouldRunAsAFormulaIsNeutralised() {
        String csv = new CsvWriter(',', Locale.CANADA).row(Arrays.asList("=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)",
                "\tcmd", "\rcmd", "plain", -3.5, -7, "a=b")).text();
        assertEquals("\uFEFF\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'+1+2\",\"'-2+3\",\"'@SUM(A1)\",\"'\tcmd\",\"'\rcmd\","
                + "plain,-3.5,-7,a=b\r\n", csv);
        String fr = new CsvWriter(';', Locale.CANADA_FRENCH).row(Arrays.asList("-cmd", -0.25)).text();
        assertEquals("\uFEFF\"'-cmd\";-0,25\r\n", fr);
    }

    @Test
    void theChargeCsvNeutralisesAHostileRecipeName() throws Exception {
        Recipe recipe = RecipeFiles.read(Path.of("recipes/alsc2-oxide-route.json"));
        ChargeResult r = new ChargeCalculator(new OjalgoSolver()).solve(recipe);
        String text = ChargeResultCsv.write(r, "=cmd|' /C calc'!A0", new CsvWriter(',', Locale.CANADA)).text();
        assertTrue(text.startsWith("\uFEFFrecipe,\"'=cmd|' /C calc'!A0\"\r\n"), text);
    }
}
