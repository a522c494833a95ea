package ca.scalloy.io;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The published JSON Schema of recipe format 1 ({@code schemas/scalloy-recipe-1.schema.json} in the
 * repository, {@code ca/scalloy/io/schemas/} in the jar), checked on every import before the
 * engine's own rules (cross-field checks, known elements, formulas).
 */
final class RecipeSchema {

    /** The schema file's name, in the repository's {@code schemas/} folder. */
    static final String FILE = "scalloy-recipe-1.schema.json";

    private static final Schema SCHEMA = load();

    /** One schema violation: where (JSON pointer) and what. */
    record Violation(String pointer, String message) {
    }

    private RecipeSchema() {
    }

    /** The violations of {@code root}, in the validator's order (empty when it conforms). */
    static List<Violation> check(JsonNode root) {
        List<Violation> out = new ArrayList<>();
        for (com.networknt.schema.Error e : SCHEMA.validate(root)) {
            JsonNode value = e.getInstanceNode();
            String was = value == null || value.isMissingNode() || value.isContainerNode() ? "" : ", was " + value;
            out.add(new Violation(e.getInstanceLocation().toString(), e.getMessage() + was));
        }
        return out;
    }

    private static Schema load() {
        InputStream in = RecipeSchema.class.getResourceAsStream("schemas/" + FILE);
        if (in == null) {
            throw new IllegalStateException(FILE + " is missing from the jar");
        }
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
}
