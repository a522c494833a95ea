package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Another OS user of the same machine against an open embedded database (issue 11): they cannot read its files,
 * list its folder, connect to it through H2's sharing port (even told the port and the key of the lock file), so
 * they can neither drop the audit trail's trigger nor delete its rows. The other user is made with {@code useradd}
 * and commands run as them with {@code runuser}; both need root. Outside CI a machine without them skips this
 * test; under {@code CI=true} that is a failure.
 *
 * <p>The database's folder is made inside a folder every user may enter ({@code rwxr-xr-x}), so that only
 * Scalloy's own permissions stand between the other user and the files: without them this test fails.
 */
@Tag("h2-file")
class SecondOsUserTest {

    private String otherUser;
    private Path shared;

    @BeforeEach
    void anotherUser() throws Exception {
        String missing = missingTools();
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(missing + " — under CI=true this test must run");
            }
            Assumptions.abort(missing);
        }
        otherUser = "sct" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Result made = run(List.of("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", otherUser));
        assertEquals(0, made.exit(), "useradd: " + made.output());
        shared = Files.createTempDirectory(Path.of("/tmp"), "scalloy-second-user-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void removeUser() throws Exception {
        if (otherUser != null) {
            run(List.of("userdel", otherUser));
        }
        if (shared != null) {
            run(List.of("rm", "-rf", shared.toString()));
        }
    }

    @Test
    void anotherOsUserCannotReadConnectToOrChangeAnOpenEmbeddedDatabase() throws Exception {
        Path h2Jar = copyH2JarForEveryone();
        Path base = shared.resolve("plant").resolve("scalloy");
        try (Database db = Database.open(base, new StepClock())) {
            db.materials().setPrice("SC2O3-999", 1700, 50, "quote");
            int entries = db.audit().all().size();
            Properties lock = new Properties();
            try (var in = Files.newInputStream(base.resolveSibling("scalloy.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            String key = lock.getProperty("id");
            assertTrue(server != null && key != null, "H2 wrote its sharing port and key: " + lock);

            for (String file : List.of("scalloy.mv.db", "scalloy.lock.db", "scalloy.key")) {
                Result read = asOther(List.of("cat", base.resolveSibling(file).toString()));
                assertNotEquals(0, read.exit(), file + " was readable: " + read.output());
                assertTrue(read.output().contains("Permission denied"), read.output());
            }
            Result list = asOther(List.of("ls", base.getParent().toString()));
            assertNotEquals(0, list.exit(), "the folder could be listed: " + list.output());

            String sql = "DROP TRIGGER audit_log_append_only; DELETE FROM audit_log";
            // As H2's automatic mixed mode would: through the lock file (unreadable) ...
            Result byFile = shell(h2Jar, "jdbc:h2:file:" + base + Database.FILE_OPTIONS, "", sql);
            assertNotEquals(0, byFile.exit(), byFile.output());
            // ... and straight to the port, as if the lock file's key had leaked: the password is still missing.
            Result byPort = shell(h2Jar, "jdbc:h2:tcp://" + server + "/" + key, "", sql);
            assertNotEquals(0, byPort.exit(), byPort.output());
            assertTrue(byPort.output().contains("Wrong user name or password"), byPort.output());
            Result byPath = shell(h2Jar, "jdbc:h2:tcp://" + server + "/" + base, "", sql);
            assertNotEquals(0, byPath.exit(), byPath.output());

            assertEquals(entries, db.audit().all().size(), "the audit trail is whole");
            List<String> triggers = db.inTransaction(c -> {
                List<String> names = new ArrayList<>();
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS")) {
                    while (rs.next()) {
                        names.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                    }
                }
                return names;
            });
            assertTrue(triggers.contains("audit_log_append_only"), "the append-only trigger is still there: " + triggers);
        }
    }

    private Result shell(Path h2Jar, String url, String password, String sql) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return asOther(List.of(java.toString(), "-cp", h2Jar.toString(), "org.h2.tools.Shell", "-url", url, "-user", "sa", "-password",
                password, "-sql", sql));
    }

    /** H2's jar where the other user can read it (the build's own copy sits in root's home). */
    private Path copyH2JarForEveryone() throws IOException, URISyntaxException {
        Path jar = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path tools = Files.createDirectory(shared.resolve("tools"));
        Files.setPosixFilePermissions(tools, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path copy = Files.copy(jar, tools.resolve("h2.jar"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
        return copy;
    }

    private Result asOther(List<String> command) throws Exception {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", otherUser, "--"));
        full.addAll(command);
        return run(full);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        return new Result(p.exitValue(), out);
    }

    /** Why this machine cannot run the test, or null when it can. */
    private static String missingTools() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return "the second-OS-user test needs Linux";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the second-OS-user test needs root (to add a user and run commands as them)";
        }
        for (String tool : List.of("/usr/sbin/useradd", "/usr/sbin/userdel", "/usr/sbin/runuser")) {
            if (!Files.isExecutable(Path.of(tool)) && !Files.isExecutable(Path.of(tool.replace("/usr/sbin/", "/sbin/")))) {
                return "the second-OS-user test needs " + tool;
            }
        }
        return null;
    }
}
