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

    /**
     * A header with only the company, its address and the document number (revision 1); every other field a blank,
     * set by the {@code with…} methods.
     */
    public static SheetHeader blank(String company, String address, String documentNumber) {
        return new SheetHeader(company, address, documentNumber, "1", "", "", "", "", "", "", "", "");
    }

    /** This header with its document revision set to {@code v} (null or "": a blank). */
    public SheetHeader withRevision(String v) {
        return new SheetHeader(company, address, documentNumber, v, heatNumber, lot,
                customerOrder, specification, furnace, date, shift, operator);
    }

    /** This header with its heat (cast) number set to {@code v} (null or "": a blank). */
    public SheetHeader withHeatNumber(String v) {
        return new SheetHeader(company, address, documentNumber, revision, v, lot,
                customerOrder, specification, furnace, date, shift, operator);
    }

    /** This header with its lot set to {@code v} (null or "": a blank). */
    public SheetHeader withLot(String v) {
        return new SheetHeader(company, address, documentNumber, revision, heatNumber, v,
                customerOrder, specification, furnace, date, shift, operator);
    }

    /** This header with its customer and order set to {@code v} (null or "": a blank). */
    public SheetHeader withCustomerOrder(String v) {
        return new SheetHeader(company, address, documentNumber, revision, heatNumber, lot,
                v, specification, furnace, date, shift, operator);
    }

    /** This header with its specification and revision agreed with the customer set to {@code v} (null or "": a blank). */
    public SheetHeader withSpecification(String v) {
        return new SheetHeader(company, address, documentNumber, revision, heatNumber, lot,
                customerOrder, v, furnace, date, shift, operator);
    }

    /** This header with its furnace set to {@code v} (null or "": a blank). */
    public SheetHeader withFurnace(String v) {
        return new SheetHeader(company, address, documentNumber, revision, heatNumber, lot,
                customerOrder, specification, v, date, shift, operator);
    }

    /** This header with its date of the heat (ISO) set to {@code v} (null or "": a blank). */
    public SheetHeader withDate(String v) {
        return new SheetHeader(company, address, documentNumber, revision, heatNumber, lot,
                customerOrder, specification, furnace, v, shift, operator);
    }

    /** This header with its shift set to {@code v} (null or "": a blank). */
    public SheetHeader withShift(String v) {
        return new SheetHeader(company, address, documentNumber, revision, heatNumber, lot,
                customerOrder, specification, furnace, date, v, operator);
    }

    /** This header with its operator set to {@code v} (null or "": a blank). */
    public SheetHeader withOperator(String v) {
        return new SheetHeader(company, address, documentNumber, revision, heatNumber, lot,
                customerOrder, specification, furnace, date, shift, v);
    }
}
