package ca.scalloy.engine.spec;

import java.util.List;

/**
 * A composition checked against one specification.
 *
 * @param specification the specification
 * @param verdict       the worst status of every check
 * @param elements      element checks, the specification's order, then "others"
 * @param properties    property checks (estimates)
 */
public record ComplianceReport(Specification specification, ComplianceStatus verdict, List<ElementCheck> elements,
                               List<PropertyCheck> properties) {

    public ComplianceReport {
        elements = List.copyOf(elements);
        properties = List.copyOf(properties);
    }

    /** The failing element checks. */
    public List<ElementCheck> failures() {
        return elements.stream().filter(e -> e.status() == ComplianceStatus.FAIL).toList();
    }
}
