package ca.scalloy.io;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers shared by the JSON writers of this package. */
final class JsonNodes {

    private JsonNodes() {
    }

    /** Puts {@code v}, or an explicit JSON null when it is absent. */
    static void putNullable(ObjectNode n, String field, Double v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    /** Puts {@code v}, or an explicit JSON null when it is absent. */
    static void putNullableText(ObjectNode n, String field, String v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }
}
