package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Where the server login comes from, and that its password is never shown. */
class DatabaseLoginTest {

    private static final String URL = "jdbc:postgresql://plant-db:5432/scalloy";

    @Test
    void theOptionWinsOverTheEnvironmentWhichWinsOverTheSettings() {
        Map<String, String> env = Map.of("SCALLOY_DB_URL", "jdbc:postgresql://env-db/scalloy", "SCALLOY_DB_USER", "envuser",
                "SCALLOY_DB_PASSWORD", "envpw");
        DatabaseLogin fromOption = DatabaseLogin.resolve(URL, "jroy", env, "jdbc:postgresql://settings-db/x", "setuser", "setpw").orElseThrow();
        assertEquals(URL, fromOption.url());
        assertEquals("jroy", fromOption.user());
        assertEquals("envpw", fromOption.password(), "the password only ever comes from the environment or the settings");

        DatabaseLogin fromEnv = DatabaseLogin.resolve(null, null, env, "jdbc:postgresql://settings-db/x", "setuser", "setpw").orElseThrow();
        assertEquals("jdbc:postgresql://env-db/scalloy", fromEnv.url());
        assertEquals("envuser", fromEnv.user());

        DatabaseLogin fromSettings = DatabaseLogin.resolve(null, null, Map.of(), "jdbc:postgresql://settings-db/x", "setuser", "setpw")
                .orElseThrow();
        assertEquals("setuser", fromSettings.user());
        assertEquals("setpw", fromSettings.password());

        assertEquals(Optional.empty(), DatabaseLogin.resolve(null, null, Map.of(), null, null, null), "none: the embedded file");
    }

    @Test
    void thePasswordNeverShowsInTheTextOfALoginEvenInsideTheUrl() {
        DatabaseLogin login = new DatabaseLogin(URL + "?ssl=true&password=s3cret&currentSchema=plant", "jroy", "an0ther");
        for (String shown : new String[] {login.toString(), login.describe(), login.safeUrl()}) {
            assertFalse(shown.contains("s3cret") || shown.contains("an0ther"), shown);
        }
        assertEquals("jdbc:postgresql://plant-db:5432/scalloy?ssl=true&password=***&currentSchema=plant", login.safeUrl());
        assertEquals("PostgreSQL scalloy on plant-db:5432 as jroy", login.describe());
        assertTrue(login.toString().contains("password ***"), login.toString());
    }

    @Test
    void aUrlForAnotherDatabaseIsRefusedWithWhatIsAllowed() {
        StoreException e = assertThrows(StoreException.class, () -> new DatabaseLogin("jdbc:mysql://db/x?password=p", "u", ""));
        assertEquals("the database URL must start with jdbc:postgresql:// (a PostgreSQL server) or jdbc:h2: (an embedded database), was"
                + " jdbc:mysql://db/x?password=***", e.getMessage());
    }
}
