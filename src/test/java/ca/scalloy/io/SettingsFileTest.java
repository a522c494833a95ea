package ca.scalloy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void updateKeepsOtherSettingsAndRemovesBlankOnes() throws Exception {
        Path file = dir.resolve(".scalloy/settings.properties");
        SettingsFile.update(file, Map.of(SettingsFile.DB_PATH, "/data/scalloy", SettingsFile.DB_USER, "old"));
        Map<String, String> server = new HashMap<>();
        server.put(SettingsFile.DB_URL, "jdbc:postgresql://plant-db:5432/scalloy");
        server.put(SettingsFile.DB_USER, "");
        server.put(SettingsFile.DB_PASSWORD, "s3cret");

        SettingsFile.update(file, server);

        Properties p = SettingsFile.read(file);
        assertEquals("/data/scalloy", p.getProperty(SettingsFile.DB_PATH));
        assertEquals("jdbc:postgresql://plant-db:5432/scalloy", p.getProperty(SettingsFile.DB_URL));
        assertNull(p.getProperty(SettingsFile.DB_USER));
        assertEquals("s3cret", p.getProperty(SettingsFile.DB_PASSWORD));
    }

    @Test
    void fileWithThePasswordIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("settings.properties");
        SettingsFile.update(file, Map.of(SettingsFile.DB_PASSWORD, "s3cret"));

        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        org.junit.jupiter.api.Assumptions.assumeTrue(posix != null, "no POSIX permissions on this file system");
        assertEquals("rw-------", PosixFilePermissions.toString(posix.readAttributes().permissions()));
        try (var leftovers = Files.list(dir)) {
            assertEquals(1, leftovers.count(), "no temporary file left beside it");
        }
    }

    @Test
    void aPasswordAndPathInAnyScriptReadBackUnchanged() throws Exception {
        Path file = dir.resolve("settings.properties");
        String password = "mot-de-passe-été-雪-Ω";
        SettingsFile.update(file, Map.of(SettingsFile.DB_PASSWORD, password, SettingsFile.DB_PATH, "/données/冶金/scalloy"));
        assertEquals(password, SettingsFile.read(file).getProperty(SettingsFile.DB_PASSWORD));
        assertEquals("/données/冶金/scalloy", SettingsFile.read(file).getProperty(SettingsFile.DB_PATH));
    }

    @Test
    void missingFileIsNoSettings() throws Exception {
        assertEquals(0, SettingsFile.read(dir.resolve("none.properties")).size());
    }
}
