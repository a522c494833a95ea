package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.store.BackupZips;

/** The commands over the database, each on a fresh database in a temporary folder. */
class StoreCommandsTest {

    private static final String OXIDE = "recipes/alsc2-oxide-route.json";
    private static final String OXIDE_NAME = "AlSc2 master alloy, oxide route";

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("scalloy").toString();
    }

    @Test
    void materialsListShowsTheSeedWithPricesDatesAndTags() throws Exception {
        CliRun run = CliRun.of("materials", "list", "--db", db(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode list = run.json();
        assertEquals(22, list.size());
        JsonNode oxide = null;
        for (JsonNode m : list) {
            if (m.get("id").asText().equals("SC2O3-9999")) {
                oxide = m;
            }
        }
        assertEquals(4600, oxide.get("pricePerKg").asDouble());
        assertEquals("2017-01-01T00:00:00Z", oxide.get("priceSetAt").asText());
        assertEquals("src+est", oxide.get("confidence").asText());
        CliRun text = CliRun.of("materials", "list", "--db", db(), "--search", "zr");
        assertTrue(text.out().contains("ALZR10") && text.out().contains("K2ZRF6") && !text.out().contains("ALSC2 "), text.out());
    }

    @Test
    void specsListFiltersBySector() throws Exception {
        CliRun run = CliRun.of("specs", "list", "--sector", "space", "--db", db(), "--json");
        assertEquals(0, run.exit(), run.err());
        assertEquals(3, run.json().size());
        CliRun text = CliRun.of("specs", "list", "--db", db());
        assertTrue(text.out().contains("MASTER_ALLOY  AlSc2 aerospace grade"), text.out());
    }

    @Test
    void importedRecipesAreListedAndTheirHistoryShowsWhatChanged() throws Exception {
        assertEquals(0, CliRun.of("recipes", "import", OXIDE, "--db", db()).exit());
        Path edited = dir.resolve("edited.json");
        Files.writeString(edited, Files.readString(Path.of(OXIDE)).replace("\"batchMassKg\": 1000", "\"batchMassKg\": 1200"));
        CliRun second = CliRun.of("recipes", "import", edited.toString(), "--note", "bigger", "--db", db());
        assertEquals("stored \"" + OXIDE_NAME + "\" as version 2", second.out().strip());
        JsonNode list = CliRun.of("recipes", "list", "--db", db(), "--json").json();
        assertEquals(1, list.size());
        assertEquals(2, list.get(0).get("version").asInt());
        JsonNode history = CliRun.of("recipes", "history", OXIDE_NAME, "--db", db(), "--json").json();
        assertEquals(2, history.size());
        assertEquals("bigger", history.get(1).get("note").asText());
        JsonNode change = history.get(1).get("changes").get(0);
        assertEquals("batchMassKg", change.get("field").asText());
        assertEquals("1000.0", change.get("before").asText());
        assertEquals("1200.0", change.get("after").asText());
        CliRun text = CliRun.of("recipes", "history", OXIDE_NAME, "--db", db());
        assertTrue(text.out().contains("batchMassKg: 1000.0 -> 1200.0"), text.out());
        CliRun missing = CliRun.of("recipes", "history", "nothing", "--db", db());
        assertEquals(2, missing.exit());
        assertEquals("scalloy: no stored recipe named \"nothing\"", missing.err().strip());
    }

    /*
     * Worked example 1 (Sc 2.0, Fe 0.0992, Si 0.0496) against "AlSc2 aerospace grade", marginal share 10 %:
     *   Sc 1.90-2.10: margin 0.10 ≥ 0.1·0.20 = 0.02 -> PASS;
     *   Fe ≤ 0.10: margin 0.10 − 0.0992 = 0.0008 < 0.1·0.10 = 0.01 -> MARGINAL;
     *   Si ≤ 0.06: margin 0.0104 ≥ 0.006 -> PASS; Cu, Zn, Ti, Ca, Na absent: PASS. Verdict MARGINAL.
     */
    @Test
    void complianceOfARecipeFileAgainstOneSpecificationGivesMarginsAsComputedByHand() throws Exception {
        CliRun run = CliRun.of("compliance", OXIDE, "--spec", "AlSc2 aerospace grade", "--db", db(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode report = run.json().get(0);
        assertEquals("AlSc2 aerospace grade", report.get("spec").asText());
        assertEquals("MASTER_ALLOY", report.get("sector").asText());
        assertEquals("MARGINAL", report.get("verdict").asText());
        JsonNode fe = report.get("elements").get(1);
        assertEquals("Fe", fe.get("element").asText());
        assertTrue(fe.get("minPct").isNull());
        assertEquals(0.10, fe.get("maxPct").asDouble());
        assertEquals(0.0992, fe.get("valuePct").asDouble(), 1e-4);
        assertEquals(0.0008, fe.get("marginPct").asDouble(), 1e-4);
        assertEquals("MARGINAL", fe.get("status").asText());
        assertEquals(0.10, report.get("elements").get(0).get("marginPct").asDouble(), 1e-4);
    }

    @Test
    void theSectorMatrixCoversEverySeededSpecificationAndAStoredRecipeByName() throws Exception {
        CliRun.of("recipes", "import", OXIDE, "--db", db());
        CliRun run = CliRun.of("compliance", OXIDE_NAME, "--all", "--db", db(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode all = run.json();
        assertEquals(17, all.size());
        for (JsonNode r : all) {
            if (r.get("spec").asText().equals("AlSc1")) {
                assertEquals("FAIL", r.get("verdict").asText());
                // Sc 2.0 against 0.90-1.10: 1.10 − 2.0 = −0.90
                assertEquals(-0.90, r.get("elements").get(0).get("marginPct").asDouble(), 1e-4);
            }
            if (r.get("spec").asText().equals("AA5024-type fuselage sheet (H116)")) {
                assertTrue(r.get("properties").get(0).get("isEstimate").asBoolean());
            }
        }
        CliRun text = CliRun.of("compliance", OXIDE, "--sector", "MASTER_ALLOY", "--db", db());
        assertTrue(text.out().contains("PASS  MASTER_ALLOY  AlSc2  [est]"), text.out());
    }

    @Test
    void complianceRejectsAnUnknownSpecificationOrRecipeInOneLine() {
        CliRun spec = CliRun.of("compliance", OXIDE, "--spec", "nope", "--db", db());
        assertEquals(2, spec.exit());
        assertEquals("scalloy: --spec: no specification named \"nope\" (see 'scalloy specs list')", spec.err().strip());
        CliRun recipe = CliRun.of("compliance", "no-such-recipe", "--db", db());
        assertEquals(2, recipe.exit());
        assertEquals("scalloy: no-such-recipe: no such file or stored recipe", recipe.err().strip());
    }

    @Test
    void makeItComplyReportsTheCostDifference() throws Exception {
        CliRun run = CliRun.of("compliance", OXIDE, "--spec", "AlSc2 aerospace grade", "--make-comply", "--db", db(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode o = run.json();
        // The AIM recipe already meets the aerospace grade: the same charge, no cost difference.
        assertEquals(0.0, o.get("costDifference").asDouble(), 0.01);
        assertEquals("MARGINAL", o.get("report").get("verdict").asText());
        assertEquals(1, o.get("notes").size());
    }

    @Test
    void backupAndRestoreTheWholeDatabase() throws Exception {
        Path backup = dir.resolve("backups/lib.zip");
        CliRun.of("recipes", "import", OXIDE, "--db", db());
        CliRun b = CliRun.of("db", "backup", backup.toString(), "--db", db());
        assertEquals(0, b.exit(), b.err());
        assertTrue(Files.size(backup) > 0);
        CliRun.of("recipes", "import", "recipes/scalmalloy-type.json", "--db", db());
        assertEquals(2, CliRun.of("recipes", "list", "--db", db(), "--json").json().size());
        CliRun r = CliRun.of("db", "restore", backup.toString(), "--db", db());
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, CliRun.of("recipes", "list", "--db", db(), "--json").json().size());
        Path notABackup = dir.resolve("x.zip");
        Files.writeString(notABackup, "hello");
        CliRun bad = CliRun.of("db", "restore", notABackup.toString(), "--db", db());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("scalloy: " + notABackup + " is not a Scalloy backup"), bad.err());
        assertFalse(bad.err().contains("Exception"), bad.err());
        assertEquals(1, CliRun.of("recipes", "list", "--db", db(), "--json").json().size(), "the database is untouched");
    }

    /*
     * The data file in the backup damaged (its last 4 KiB block, the newest chunk's footer, zeroed: H2 alone
     * would open the older state), and a backup without a manifest (as made before manifests): exit 2,
     * one line, nothing changed; the second restores with --allow-unverified.
     */
    @Test
    void restoreRefusesADamagedBackupAndOneWithoutAManifestUnlessAllowedChangingNothing() throws Exception {
        Path backup = backupOfOneRecipeThenASecond();

        Path damaged = dir.resolve("damaged.zip");
        BackupZips.damageDataFile(backup, damaged);
        CliRun bad = CliRun.of("db", "restore", damaged.toString(), "--db", db());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("scalloy: " + damaged + " is damaged: its data file scalloy.mv.db does not match its manifest"),
                bad.err());
        assertTrue(bad.err().strip().endsWith("nothing was changed"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertEquals(2, CliRun.of("recipes", "list", "--db", db(), "--json").json().size(), "the database is untouched");

        Path legacy = dir.resolve("legacy.zip");
        BackupZips.dropManifest(backup, legacy);
        CliRun refused = CliRun.of("db", "restore", legacy.toString(), "--db", db());
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("has no manifest") && refused.err().contains("--allow-unverified"), refused.err());
        assertEquals(2, CliRun.of("recipes", "list", "--db", db(), "--json").json().size(), "the database is untouched");
        CliRun allowed = CliRun.of("db", "restore", legacy.toString(), "--allow-unverified", "--db", db());
        assertEquals(0, allowed.exit(), allowed.err());
        assertEquals(1, CliRun.of("recipes", "list", "--db", db(), "--json").json().size(), "the backup's state");
    }

    /* A backup whose key (scalloy.key, the data file's password) is missing or altered: exit 2, one line, the database and its key untouched. */
    @Test
    void restoreRefusesABackupWhoseKeyIsMissingOrAlteredChangingNothing() throws Exception {
        Path backup = backupOfOneRecipeThenASecond();
        Path keyFile = Path.of(db() + ".key");
        String key = Files.readString(keyFile);

        Path keyless = dir.resolve("keyless.zip");
        BackupZips.rewrite(backup, keyless, (name, bytes) -> name.equals("scalloy.key") ? null : bytes);
        Path altered = dir.resolve("altered.zip");
        BackupZips.rewrite(backup, altered, (name, bytes) -> name.equals("scalloy.key") ? "guess\n".getBytes(StandardCharsets.UTF_8) : bytes);
        for (Path bad : List.of(keyless, altered)) {
            CliRun r = CliRun.of("db", "restore", bad.toString(), "--db", db());
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().startsWith("scalloy: " + bad + " is damaged: its key scalloy.key"), r.err());
            assertTrue(r.err().strip().endsWith("nothing was changed"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertEquals(key, Files.readString(keyFile), "the key in place is untouched");
            assertEquals(2, CliRun.of("recipes", "list", "--db", db(), "--json").json().size(), "the database is untouched");
        }
    }

    /** A backup of the database holding one recipe; a second recipe is stored after it. */
    private Path backupOfOneRecipeThenASecond() throws Exception {
        Path backup = dir.resolve("backups/lib.zip");
        CliRun.of("recipes", "import", OXIDE, "--db", db());
        assertEquals(0, CliRun.of("db", "backup", backup.toString(), "--db", db()).exit());
        CliRun.of("recipes", "import", "recipes/scalmalloy-type.json", "--db", db());
        return backup;
    }
}
