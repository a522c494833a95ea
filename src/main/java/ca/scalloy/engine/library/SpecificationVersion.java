package ca.scalloy.engine.library;

import java.time.Instant;
import java.util.Objects;

import ca.scalloy.engine.spec.Specification;

/**
 * One saved version of a specification.
 *
 * @param version       the version number, from 1 per specification name
 * @param savedAt       when it was saved
 * @param specification the specification as saved
 */
public record SpecificationVersion(int version, Instant savedAt, Specification specification) {

    public SpecificationVersion {
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(specification, "specification");
    }
}
