package ca.scalloy.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.FormatException;
import ca.scalloy.io.MaterialFiles;
import ca.scalloy.io.SpecificationFiles;

/**
 * The seed data (materials and specifications, resource files under {@code ca/scalloy/store/seed/}),
 * written once, in one transaction, when a database is first created. A row in {@code seed_runs}
 * records it, so user edits and deletions are never overwritten by a later start.
 */
final class Seed {

    /** The name of this seed in {@code seed_runs}. */
    static final String NAME = "library-1";

    private Seed() {
    }

    static void applyIfNew(Database db) {
        db.inTransaction(c -> {
            if (applied(c)) {
                return null;
            }
            if (db.isPostgres()) {
                // Two workstations opening a new schema at once: the second waits here for the first's seed
                // (a lock per schema, released at commit), then finds it applied. The embedded file has its OpenLock.
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('scalloy seed'),"
                        + " hashtext(current_schema()))")) {
                    ps.executeQuery().close();
                }
                if (applied(c)) {
                    return null;
                }
            }
            // Scalloy's own starting data, recorded in seed_runs: not changes anyone made, so not in the audit trail.
            db.audit().quiet(c);
            for (LibraryMaterial m : materials()) {
                db.materials().insert(c, m);
            }
            FaultPoints.reach("seed:materials");
            for (Specification s : specifications()) {
                db.specifications().insertSeed(c, s);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO seed_runs (seed_name, applied_at) VALUES (?, ?)")) {
                ps.setString(1, NAME);
                Rows.setInstant(ps, 2, db.clock().instant());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static boolean applied(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM seed_runs WHERE seed_name = ?")) {
            ps.setString(1, NAME);
            return Rows.longOrMissing(ps) >= 0;
        }
    }

    /** The seed materials. */
    static List<LibraryMaterial> materials() {
        try {
            return MaterialFiles.parse(resource("materials.json"), "seed/materials.json");
        } catch (FormatException e) {
            throw new IllegalStateException("the seed materials are broken: " + e.getMessage(), e);
        }
    }

    /** The seed specifications. */
    static List<Specification> specifications() {
        try {
            return SpecificationFiles.parse(resource("specifications.json"), "seed/specifications.json");
        } catch (FormatException e) {
            throw new IllegalStateException("the seed specifications are broken: " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Seed.class.getResourceAsStream("seed/" + name)) {
            if (in == null) {
                throw new IllegalStateException("seed resource missing: seed/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
