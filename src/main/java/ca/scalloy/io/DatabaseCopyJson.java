package ca.scalloy.io;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What {@code scalloy db migrate-to --json} prints about a copy of the database. */
public final class DatabaseCopyJson {

    private DatabaseCopyJson() {
    }

    /**
     * One copied table.
     *
     * @param table  its name
     * @param rows   its row count on both sides
     * @param sha256 the hex SHA-256 of its rows on both sides
     */
    public record Table(String table, long rows, String sha256) {
    }

    /**
     * {@code {source, target, tables: [{table, rows, sha256}], skipped: [..], verified}}.
     *
     * @param source   the source, for a person (without a password)
     * @param target   the target, likewise
     * @param skipped  the tables left out, each with why
     * @param verified whether both sides were found alike
     */
    public static String report(String source, String target, List<Table> tables, List<String> skipped, boolean verified) {
        ObjectNode n = RecipeFiles.MAPPER.createObjectNode();
        n.put("source", source).put("target", target);
        ArrayNode a = n.putArray("tables");
        for (Table t : tables) {
            a.addObject().put("table", t.table()).put("rows", t.rows()).put("sha256", t.sha256());
        }
        ArrayNode s = n.putArray("skipped");
        skipped.forEach(s::add);
        n.put("verified", verified);
        return MaterialFiles.write(n);
    }
}
