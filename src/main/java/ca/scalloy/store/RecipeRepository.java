package ca.scalloy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.Role;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.library.FieldChange;
import ca.scalloy.engine.library.RecipeDiff;
import ca.scalloy.engine.library.RecipeSummary;
import ca.scalloy.engine.library.RecipeVersion;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.io.RecipeFormatException;

/**
 * Recipes, versioned by name: saving adds a version (1, 2, …) and never changes an earlier one;
 * restoring an old version saves it again as the newest. Each version is kept whole as recipe
 * format 1 (decision 0005).
 */
public final class RecipeRepository {

    private static final String SUMMARY = "SELECT r.name, v.grade, r.current_version, v.saved_at FROM recipes r"
            + " JOIN recipe_versions v ON v.recipe_ref = r.id AND v.version = r.current_version";
    private static final String VERSION = "SELECT r.name, v.version, v.note, v.body, v.saved_at FROM recipes r"
            + " JOIN recipe_versions v ON v.recipe_ref = r.id WHERE r.name = ?";

    private static final String SAVE = "save recipes";

    private final Database db;
    private final Versions versions = new Versions("recipes", "recipe_versions", "recipe_ref", "recipe");

    RecipeRepository(Database db) {
        this.db = db;
    }

    /**
     * Saves the recipe as the newest version of its name (version 1 for a new name). The version and
     * the materials it uses are written in one transaction.
     *
     * @param note what changed, in the user's words (may be empty)
     * @throws StoreException when the recipe has no name
     */
    public RecipeVersion save(Recipe recipe, String note) {
        return save(recipe, note, null);
    }

    /**
     * As {@link #save(Recipe, String)}, for an edit that started from version {@code basedOnVersion} (0
     * for a new recipe): refused when someone saved a newer version meanwhile, so that neither overwrites
     * the other. Saving again with null ("save as a new version") keeps both in the history.
     *
     * @throws ConcurrentChangeException naming who saved the newer version and when
     */
    public RecipeVersion save(Recipe recipe, String note, Integer basedOnVersion) {
        checkFits(recipe, note);
        db.require(SAVE, Role.METALLURGIST);
        return db.inTransaction(c -> {
            versions.check(c, db, recipe.name(), versions.ref(c, recipe.name()), basedOnVersion);
            // An edit that started from a version (0: a new recipe) meets a recipe created meanwhile as a conflict; a save
            // that asked for no version is appended to it.
            return basedOnVersion == null ? insert(c, recipe, note) : insertChecked(c, recipe, note);
        });
    }

    /**
     * Saves several recipes, each as the newest version of its name, in one transaction: all are
     * stored or, when one is refused, none is.
     *
     * @param note what the versions are, in the user's words (may be empty)
     * @return the versions saved, in the order of {@code recipes}
     * @throws StoreException when a recipe has no name or the database refuses (nothing is saved)
     */
    public List<RecipeVersion> saveAll(List<Recipe> recipes, String note) {
        for (Recipe r : recipes) {
            checkFits(r, note);
        }
        db.require(SAVE, Role.METALLURGIST);
        return db.inTransaction(c -> {
            List<RecipeVersion> saved = new java.util.ArrayList<>(recipes.size());
            for (Recipe r : recipes) {
                saved.add(insert(c, r, note));
            }
            return saved;
        });
    }

    /**
     * Checks that a recipe can be stored as it is, before anything is written: a name, and every text
     * within its column.
     *
     * @throws StoreException for a blank name
     * @throws TextTooLongException naming the field and the limit
     */
    public static void checkFits(Recipe recipe, String note) {
        if (recipe.name().isBlank()) {
            throw new StoreException(Message.of("store.recipe.nameRequired", "a recipe needs a name to be stored"));
        }
        ColumnLimits.check("recipe name", recipe.name(), ColumnLimits.NAME);
        ColumnLimits.check("grade", recipe.grade(), ColumnLimits.NAME);
        ColumnLimits.check("note", note, ColumnLimits.TEXT);
        recipe.materials().forEach(m -> ColumnLimits.check("material id", m.id(), ColumnLimits.MATERIAL_ID));
    }

    /** Stores {@code recipe} as the next version of its name, created at version 1 if nobody has (even meanwhile). */
    private RecipeVersion insert(Connection c, Recipe recipe, String note) throws SQLException {
        db.audit().because(c, note);
        Versions.NextVersion next = versions.refAndNextVersion(c, recipe.name());
        return insert(c, recipe, note, next.ref(), next.version());
    }

    /** As {@link #insert(Connection, Recipe, String)}, but a name another writer created since our check is refused. */
    private RecipeVersion insertChecked(Connection c, Recipe recipe, String note) throws SQLException {
        db.audit().because(c, note);
        long ref = versions.ref(c, recipe.name());
        if (ref < 0) {
            return insert(c, recipe, note, versions.create(c, recipe.name()), 1);
        }
        return insert(c, recipe, note, ref, versions.next(c, ref));
    }

    private RecipeVersion insert(Connection c, Recipe recipe, String note, long ref, int version) throws SQLException {
        RecipeVersion v = new RecipeVersion(version, db.clock().instant(), note, recipe);
        long versionRef;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO recipe_versions (recipe_ref, version, grade, note, body,"
                + " saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, ref);
            ps.setInt(2, version);
            ps.setString(3, recipe.grade());
            ps.setString(4, v.note());
            ps.setString(5, RecipeFiles.toJson(recipe));
            Rows.setInstant(ps, 6, v.savedAt());
            ps.setString(7, db.actor());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                versionRef = keys.getLong(1);
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Material m : recipe.materials()) {
            ids.add(m.id());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO recipe_material_uses (version_ref, material_id) VALUES (?, ?)")) {
            for (String id : ids) {
                ps.setLong(1, versionRef);
                ps.setString(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return v;
    }

    /** Every stored recipe's current version, by name. */
    public List<RecipeSummary> list() {
        return summaries(" ORDER BY r.name", null);
    }

    /** Recipes whose name or current grade contains {@code text}, ignoring case. */
    public List<RecipeSummary> search(String text) {
        return summaries(" WHERE LOWER(r.name) LIKE ? ESCAPE '\\' OR LOWER(v.grade) LIKE ? ESCAPE '\\' ORDER BY r.name",
                Rows.containsPattern(text));
    }

    /** The newest version of the named recipe. */
    public Optional<RecipeVersion> latest(String name) {
        List<RecipeVersion> v = versions(name, " AND v.version = r.current_version", 0);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** One version of the named recipe. */
    public Optional<RecipeVersion> version(String name, int version) {
        List<RecipeVersion> v = versions(name, " AND v.version = ?", version);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** Every version of the named recipe, oldest first (empty when there is none). */
    public List<RecipeVersion> history(String name) {
        return versions(name, " ORDER BY v.version", 0);
    }

    /**
     * What changed from version {@code from} to version {@code to} of the named recipe.
     *
     * @throws StoreException when either version does not exist
     */
    public List<FieldChange> diff(String name, int from, int to) {
        return RecipeDiff.between(required(name, from).recipe(), required(name, to).recipe());
    }

    /**
     * Saves an old version again as the newest, with the note "restored from version N".
     *
     * @throws StoreException when that version does not exist
     */
    public RecipeVersion restore(String name, int version) {
        db.require(SAVE, Role.METALLURGIST);
        return db.inTransaction(c -> insert(c, required(name, version).recipe(), "restored from version " + version));
    }

    private RecipeVersion required(String name, int version) {
        return version(name, version).orElseThrow(() -> new StoreException(Message.of("store.recipe.noVersion",
                "recipe \"" + name + "\" has no version " + version, name, version)));
    }

    private List<RecipeSummary> summaries(String where, String pattern) {
        return db.inTransaction(c -> {
            List<RecipeSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SUMMARY + where)) {
                if (pattern != null) {
                    ps.setString(1, pattern);
                    ps.setString(2, pattern);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int current = rs.getInt(3);
                        out.add(new RecipeSummary(rs.getString(1), rs.getString(2), current, current, Rows.instant(rs, "saved_at")));
                    }
                }
            }
            return out;
        });
    }

    private List<RecipeVersion> versions(String name, String where, int version) {
        return db.inTransaction(c -> {
            List<RecipeVersion> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(VERSION + where)) {
                ps.setString(1, name);
                if (where.contains("?")) {
                    ps.setInt(2, version);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    private static RecipeVersion row(ResultSet rs) throws SQLException {
        String label = "recipe " + rs.getString("name") + " version " + rs.getInt("version");
        try {
            return new RecipeVersion(rs.getInt("version"), Rows.instant(rs, "saved_at"), rs.getString("note"),
                    RecipeFiles.parse(rs.getString("body"), label));
        } catch (RecipeFormatException e) {
            throw damaged(rs.getString("name"), rs.getInt("version"), e);
        }
    }

    /** The refusal of a stored recipe version that cannot be read (damaged data). */
    static StoreException damaged(String name, int version, RecipeFormatException e) {
        return new StoreException(Message.of("store.damaged.recipe", "the stored recipe " + name + " version " + version + " cannot be read: "
                + e.getMessage(), name, version, Reasons.of(e)), e);
    }
}
