package ca.scalloy.engine.doc;

import java.util.Objects;

/**
 * The header of a furnace document. Fields not known when the sheet is printed stay empty and are
 * printed as blanks to fill in by hand.
 *
 * @param company        issuing company
 * @param address        its address (one line)
 * @param documentNumber document number
 * @param revision       document revision
 * @param heatNumber     heat (cast) number, or ""
 * @param lot            lot, or ""
 * @param customerOrder  customer and order, or ""
 * @param specification  specification and revision agreed with the customer, or ""
 * @param furnace        furnace, or ""
 * @param date           date of the heat (ISO), or ""
 * @param shift          shift, or ""
 * @param operator       operator, or ""
 */
public record SheetHeader(String company, String address, String documentNumber, String revision, String heatNumber,
                          String lot, String customerOrder, String specification, String furnace, String date, String shift,
                          String operator) {

    public SheetHeader {
        company = Objects.requireNonNullElse(company, "");
        address = Objects.requireNonNullElse(address, "");
        documentNumber = Objects.requireNonNullElse(documentNumber, "");
        revision = Objects.requireNonNullElse(revision, "");
        heatNumber = Objects.requireNonNullElse(heatNumber, "");
        lot = Objects.requireNonNullElse(lot, "");
        customerOrder = Objects.requireNonNullElse(customerOrder, "");
        specification = Objects.requireNonNullElse(specification, "");
        furnace = Objects.requireNonNullElse(furnace, "");
        date = Objects.requireNonNullElse(date, "");
        shift = Objects.requireNonNullElse(shift, "");
        operator = Objects.requireNonNullElse(operator, "");
    }

    /** A header with only the company and the document number; every other field a blank. */
    public static SheetHeader blank(String company, String address, String documentNumber) {
        return new SheetHeader(company, address, documentNumber, "1", "", "", "", "", "", "", "", "");
    }
}
