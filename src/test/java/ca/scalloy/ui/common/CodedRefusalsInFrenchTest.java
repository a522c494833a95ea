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
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
