package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a JDBC URL: the value ends at & (or ; for H2's options)
        "jdbc:postgresql://plant-db:5432/scalloy?user=jdoe&password=s3cr3t&ssl=true | jdbc:postgresql://plant-db:5432/scalloy?user=jdoe&password=***&ssl=true",
        "jdbc:h2:file:/x/scalloy;USER=sa;PASSWORD=h2pass;AUTO_SERVER=TRUE | jdbc:h2:file:/x/scalloy;USER=sa;PASSWORD=***;AUTO_SERVER=TRUE",
        // the settings file's line
        "db.password=pa55word | db.password=***",
        // JSON
        "{\"user\": \"jdoe\", \"password\": \"pa55word\"} | {\"user\": \"jdoe\", \"password\": \"***\"}",
        // SQL that a driver may echo in an error
        "CREATE ROLE jroy LOGIN PASSWORD 'it''s-secret' | CREATE ROLE jroy LOGIN PASSWORD '***'",
        // words that only look alike stay
        "the passwords match; password authentication failed for user \"jdoe\" | the passwords match; password authentication failed for user \"jdoe\"",
    })
    void passwordsWrittenAsKeyAndValueAreMasked(String text, String expected) {
        assertEquals(expected, Redaction.redact(text));
    }

    @Test
    void aRememberedPasswordIsMaskedWhereverItAppears() {
        Redaction.remember("Tr0ub4dor&3-remembered");

        String out = Redaction.redact("java.sql.SQLException: bad login Tr0ub4dor&3-remembered at line 1");

        assertFalse(out.contains("Tr0ub4dor"), out);
        assertEquals("java.sql.SQLException: bad login *** at line 1", out);
    }

    @Test
    void aVeryShortRememberedPasswordDoesNotBlankOrdinaryWords() {
        Redaction.remember("ab");

        assertEquals("a cab and abbey", Redaction.redact("a cab and abbey"));
    }

    @Test
    void nothingToRedactIsReturnedAsIs() {
        assertNull(Redaction.redact(null));
        assertEquals("", Redaction.redact(""));
    }
}
