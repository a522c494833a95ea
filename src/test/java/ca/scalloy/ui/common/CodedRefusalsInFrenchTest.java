package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.doc.AdditionPlanner;
import ca.scalloy.engine.doc.CertificateOfAnalysis;
import ca.scalloy.engine.doc.MeltHolding;
import ca.scalloy.engine.heat.HeatRecovery;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.HeatTolerances;
import ca.scalloy.engine.heat.Lot;
import ca.scalloy.engine.heat.Lots;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.heat.SampleChecker;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.store.BackupZips;
import ca.scalloy.store.Database;
import ca.scalloy.store.StoreException;
import ca.scalloy.store.TestDatabases;

/**
 * The store's last English-only refusals (opening a database, its key file, its upgrade and restore, damaged stored data)
 * and the engine's heat, lot and certificate refusals carry codes: the workbench says them in French with none of the
 * application's English, while the command line keeps printing the English it always has.
 */
class CodedRefusalsInFrenchTest {

    private static final Messages FR = Messages.forLocale(Locale.CANADA_FRENCH);

    @TempDir
    Path dir;

    @Test
    void aDamagedStoredMaterialIsSaidInFrenchNamingItAndThePlaceOfTheFault() throws SQLException {
        Path base = dir.resolve("db/scalloy");
        String id;
        try (Database db = Database.open(base, Clock.systemUTC())) {
            id = db.materials().list(true).get(0).material().id();
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE", "sa", TestDatabases.h2Password(base));
                Statement st = c.createStatement()) {
            // A body whose "purityPct" is text: the JSON reads, the material does not.
            st.executeUpdate("UPDATE materials SET body = '{\"id\": \"" + id + "\", \"purityPct\": \"pure\"}' WHERE material_id = '" + id + "'");
        }
        try (Database db = Database.open(base, Clock.systemUTC())) {
            StoreException e = assertThrows(StoreException.class, () -> db.materials().list(true));
            assertTrue(e.getMessage().startsWith("the stored material " + id + " cannot be read: material " + id + ": "), e.getMessage());
            String shown = MessageWords.failure(e, FR);
            assertTrue(shown.startsWith("la matière " + id + " enregistrée ne peut pas être lue (données endommagées) : les données à /"), shown);
            NoEnglish.assertNoEnglish(shown);
        }
    }

    @Test
    void aKeyFileThatCannotBeReadIsSaidInFrenchWithTheSystemsReasonLeftToTheLog() throws IOException {
        Path base = dir.resolve("db/scalloy");
        // A folder where the key file should be: reading it fails with the system's own English ("Is a directory").
        Files.createDirectories(base.resolveSibling("scalloy.key"));
        StoreException e = assertThrows(StoreException.class, () -> Database.open(base, Clock.systemUTC()).close());
        assertTrue(e.getMessage().startsWith("cannot read the database's key file " + base + ".key: "), e.getMessage());
        String shown = MessageWords.failure(e, FR);
        assertEquals("impossible de lire le fichier de clé " + base + ".key de la base de données : la raison donnée par le système est dans"
                + " le journal (Aide › Afficher le dossier des journaux)", shown);
        NoEnglish.assertNoEnglish(shown);
    }

    @Test
    void aBackupFromANewerScalloyIsRefusedInFrench() throws IOException {
        Path backup = dir.resolve("future.zip");
        try (OutputStream out = Files.newOutputStream(backup); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("scalloy.mv.db"));
            zip.write(new byte[16]);
            zip.putNextEntry(new ZipEntry("scalloy-backup-manifest.txt"));
            zip.write("format=9\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        Files.createDirectories(dir.resolve("db"));
        StoreException e = assertThrows(StoreException.class, () -> Database.restore(backup, dir.resolve("db/scalloy"), Clock.systemUTC(), false));
        assertEquals(backup + " has a manifest of format 9; this Scalloy reads format 1 (a backup made by a newer Scalloy needs that Scalloy);"
                + " nothing was changed", e.getMessage(), "the command line's English is unchanged");
        String shown = MessageWords.failure(e, FR);
        assertEquals(backup + " a un manifeste de format 9 ; ce Scalloy lit le format 1 (une sauvegarde faite par un Scalloy plus récent exige"
                + " ce Scalloy) ; rien n’a été changé.", shown);
        NoEnglish.assertNoEnglish(shown);
    }

    @Test
    void aDamagedBackupSaysWhatIsDamagedInFrench() throws IOException {
        Path base = dir.resolve("db/scalloy");
        Path backup = dir.resolve("backup.zip");
        try (Database db = Database.open(base, Clock.systemUTC())) {
            db.backup(backup);
        }
        Path damaged = dir.resolve("damaged.zip");
        BackupZips.damageDataFile(backup, damaged);
        StoreException e = assertThrows(StoreException.class, () -> Database.restore(damaged, base, Clock.systemUTC(), false));
        assertTrue(e.getMessage().startsWith(damaged + " is damaged: its data file scalloy.mv.db does not match its manifest ("),
                e.getMessage());
        String shown = MessageWords.failure(e, FR);
        // Its last 4 KiB zeroed: same size, another SHA-256.
        assertTrue(shown.startsWith("La sauvegarde " + damaged + " est endommagée (son fichier de données scalloy.mv.db ne correspond pas à"
                + " son manifeste ("), shown);
        assertTrue(shown.endsWith("…)) ; rien n’a été modifié."), shown);
        NoEnglish.assertNoEnglish(shown);
    }

    @Test
    void aLotItsRecoveryAndThePlantsTolerancesAreRefusedInFrench() throws Exception {
        MessageException blank = assertThrows(MessageException.class, () -> new Lot(" ", "Al-2Sc", Map.of(), null, "", Instant.EPOCH));
        assertEquals("lotNumber must not be blank", blank.getMessage(), "the command line's English is unchanged");
        assertEquals("un lot doit avoir son numéro", MessageWords.failure(blank, FR));
        assertEquals("lotNumber", MessageWords.refusedField(blank));

        Recipe recipe = RecipeFiles.read(Path.of("recipes/alsc2-oxide-route.json"));
        Material metal = recipe.materials().stream().filter(m -> m.kind().isMetallic()).findFirst().orElseThrow();
        // 60 + 50 = 110 wt%: each value is a valid wt%, their sum is not a composition.
        Lot over = new Lot("L-7", metal.id(), Map.of("Sc", 60.0, "Mg", 50.0), null, "", Instant.EPOCH);
        MessageException assay = assertThrows(MessageException.class, () -> Lots.withLot(metal, over));
        assertEquals("lot L-7: the listed elements sum to 110.0 wt%, above 100 wt%", assay.getMessage());
        assertEquals("lot L-7 : les éléments listés totalisent 110 % massique, plus de 100 %", MessageWords.failure(assay, FR));

        MessageException melt = assertThrows(MessageException.class, () -> HeatRecovery.actualPct("Sc", Map.of(), -5.0, 0, 100, 2));
        assertEquals("le bain final doit dépasser 0 kg et le pied de bain être d’au moins 0 kg, étaient 100 kg et -5 kg",
                MessageWords.failure(melt, FR));

        MessageException setting = assertThrows(MessageException.class,
                () -> HeatTolerances.standard().with(Map.of(HeatTolerances.SETTING_PREFIX + "castBelowPlannedPct", "150")));
        assertEquals("setting heat.plausibility.castBelowPlannedPct must be a number from 0 to 100, was 150.0", setting.getMessage(),
                "the command line's English is unchanged");
        assertEquals("paramètre heat.plausibility.castBelowPlannedPct doit être un nombre de 0 à 100, était 150",
                MessageWords.failure(setting, FR));
        MessageException unknown = assertThrows(MessageException.class,
                () -> HeatTolerances.standard().with(Map.of(HeatTolerances.SETTING_PREFIX + "castAbovePlanned", "5")));
        String shown = MessageWords.failure(unknown, FR);
        assertTrue(shown.startsWith("paramètre heat.plausibility.castAbovePlanned : inconnu ; permis : heat.plausibility."), shown);
        for (String said : List.of(MessageWords.failure(blank, FR), MessageWords.failure(assay, FR), MessageWords.failure(melt, FR),
                MessageWords.failure(setting, FR), shown)) {
            NoEnglish.assertNoEnglish(said);
        }
    }

    @Test
    void aCertificateWithoutASignatoryAndAFallbackLiquidusAreSaidInFrench() {
        Specification spec = new Specification("AlSc2", "MASTER_ALLOY", "", List.of(new ElementLimit("Sc", 1.9, 2.2)), null, null, List.of(),
                "", "");
        SampleAnalysis a = new SampleAnalysis("H-1-1", "", "OES", Map.of("Sc", 2.0));
        SampleChecker.Result r = new SampleChecker().check(a, spec, "Al");
        HeatSample sample = new HeatSample(a, "", false, r.verdict(), r.checks(), "x", Instant.EPOCH, false);
        MessageException unsigned = assertThrows(MessageException.class,
                () -> CertificateOfAnalysis.builder("COA-H-1-1", "H-1", sample, spec, " ").quantityKg(100).issue());
        assertEquals("signatory must not be blank: a certificate needs an authorised signature", unsigned.getMessage());
        assertEquals("un certificat doit avoir un signataire autorisé", MessageWords.failure(unsigned, FR));

        // Cu 4 wt% is outside the thermodynamic data's elements, more than the 1 wt% that may be left out.
        MeltHolding h = AdditionPlanner.holding(new Composition(Map.of("Sc", 0.3, "Cu", 4.0), "Al"), AdditionPlanner.defaultSuperheatC());
        String why = MessageWords.of(h.fallbackReason(), FR);
        assertTrue(why.contains("% massique"), why);
        NoEnglish.assertNoEnglish(why);
    }

    /*
     * A final sample that measured no element outside the specification's list says nothing of its others: the refusal
     * names them in French ("autres, chacun; autres, total"), not in the engine's English; a failing "others each (Mg)"
     * likewise.
     */
    @Test
    void aCertificateRefusedForItsOthersNamesThemInFrench() {
        Specification spec = new Specification("AlSc2", "MASTER_ALLOY", "", List.of(new ElementLimit("Sc", 1.9, 2.2)), 0.03, 0.10, List.of(),
                "", "");
        MessageException unmeasured = assertThrows(MessageException.class, () -> certificateOf(spec, Map.of("Sc", 2.0)));
        String why = MessageWords.failure(unmeasured, FR);
        assertTrue(why.contains("autres, chacun; autres, total"), why);
        NoEnglish.assertNoEnglish(why);
        MessageException failing = assertThrows(MessageException.class, () -> certificateOf(spec, Map.of("Sc", 2.0, "Mg", 0.05)));
        String fails = MessageWords.failure(failing, FR);
        assertTrue(fails.contains("autres, chacun (Mg) 0,05"), fails);
        NoEnglish.assertNoEnglish(fails);
    }

    private static CertificateOfAnalysis certificateOf(Specification spec, Map<String, Double> measured) {
        SampleAnalysis a = new SampleAnalysis("H-1-1", "", "OES", measured);
        SampleChecker.Result r = new SampleChecker().check(a, spec, "Al");
        HeatSample sample = new HeatSample(a, "", false, r.verdict(), r.checks(), "x", Instant.EPOCH, false);
        return CertificateOfAnalysis.builder("COA-H-1-1", "H-1", sample, spec, "J. Gagnon").quantityKg(100).issue();
    }

    @Test
    void anAuditTrailThatCannotBeExportedNamesTheFileAndWhyInFrench() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "x");
        Path csv = notAFolder.resolve("audit.csv");
        try (Database db = Database.open(dir.resolve("db/scalloy"), Clock.systemUTC())) {
            StoreException e = assertThrows(StoreException.class, () -> db.audit().exportCsv(db.audit().all(), csv, Locale.CANADA_FRENCH));
            assertTrue(e.getMessage().startsWith("cannot write " + csv + ": "), e.getMessage());
            assertEquals("Impossible d’écrire " + csv + " : " + notAFolder + " n’est pas un dossier.", MessageWords.failure(e, FR));
        }
    }
}
