package ca.scalloy.engine.heat;

import java.time.Instant;
import java.util.Objects;

/**
 * A heat as lists show it.
 *
 * @param number         the heat number
 * @param recipeName     the stored recipe it was planned from
 * @param recipeVersion  that recipe's version
 * @param specName       the specification agreed with the customer
 * @param specVersion    that specification's version
 * @param furnace        the furnace, or ""
 * @param operator       the operator, or ""
 * @param status         where it stands
 * @param plannedKg      the planned product mass, kg
 * @param createdAt      when it was planned
 * @param updatedAt      its last change
 * @param recoveryElement the element of the recorded actual recovery (Sc), or null before release
 * @param recoveryPct    the actual recovery recorded at release, %, or null
 * @param revision       how many times it has been changed (1 when planned): an edit names the revision
 *                       it started from, so that a second user cannot silently overwrite the first
 * @param updatedBy      who changed it last, or null when unknown
 */
public record Heat(String number, String recipeName, int recipeVersion, String specName, int specVersion, String furnace,
                   String operator, HeatStatus status, double plannedKg, Instant createdAt, Instant updatedAt,
                   String recoveryElement, Double recoveryPct, int revision, String updatedBy) {

    public Heat {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        furnace = Objects.requireNonNullElse(furnace, "");
        operator = Objects.requireNonNullElse(operator, "");
    }
}
