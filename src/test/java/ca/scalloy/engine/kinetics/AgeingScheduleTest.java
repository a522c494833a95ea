package ca.scalloy.engine.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AgeingScheduleTest {

    @Test
    void readsStepsOfTemperatureAndHoursInOrder() {
        AgeingSchedule s = AgeingSchedule.parse(" 300:24 , 400 : 12.5");
        assertEquals(2, s.steps().size());
        assertEquals(new AgeingStep(300, 24), s.steps().get(0));
        assertEquals(new AgeingStep(400, 12.5), s.steps().get(1));
        assertEquals(36.5, s.totalHours(), 1e-12);
        assertEquals("300:24,400:12.5", s.toString());
    }

    /* Each bad schedule is refused with one line naming the faulty value and what is allowed. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "300|'300' is not TEMP_C:HOURS",
        "300:24,|'' is not TEMP_C:HOURS",
        "abc:24|temperature 'abc' in step 'abc:24' is not a number",
        "300:x|hours 'x' in step '300:x' is not a number",
        "300:0|hours 0 in step '300:0' must be above 0",
        "300:-2|hours -2 in step '300:-2' must be above 0",
        "700:2|temperature 700 °C in step '700:2' is outside what the kinetic model covers (100 to 550 °C)",
        "50:2|temperature 50 °C in step '50:2' is outside what the kinetic model covers (100 to 550 °C)",
        "300:20000|20000 h in step '300:20000' is longer than the 10000 h allowed for one step",
        "300:NaN|hours 'NaN' in step '300:NaN' is not a finite number",
        "300:24:1|'300:24:1' is not TEMP_C:HOURS"})
    void refusesABadScheduleNamingTheValue(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgeingSchedule.parse(text));
        assertTrue(e.getMessage().startsWith("schedule: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }

    @Test
    void refusesMoreStepsThanAllowed() {
        String many = "300:1,".repeat(31) + "300:1";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgeingSchedule.parse(many));
        assertTrue(e.getMessage().contains("32 steps given; at most 30"), e.getMessage());
    }
}
