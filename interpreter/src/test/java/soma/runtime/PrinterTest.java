package soma.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrinterTest {
    @Test
    void numbersPrintLikePythonAndNumpy() {
        assertEquals("42", Printer.number(42));
        assertEquals("-3", Printer.number(-3));
        assertEquals("0.1", Printer.number(0.1));
        assertEquals("0.30000000000000004", Printer.number(0.1 + 0.2));
        assertEquals("1e-05", Printer.number(1e-5));
        assertEquals("0.0001", Printer.number(1e-4));
        assertEquals("1.5e-07", Printer.number(1.5e-7));
        assertEquals("2.5e+20", Printer.number(2.5e20));
        assertEquals("1e+16", Printer.number(1e16));
        assertEquals("123456.789", Printer.number(123456.789));
        assertEquals("nan", Printer.number(Double.NaN));
        assertEquals("-inf", Printer.number(Double.NEGATIVE_INFINITY));
        assertEquals("-0", Printer.number(-0.0));
    }

    @Test
    void everyDoubleRoundTrips() {
        Random r = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(d)) continue;
            String shown = Printer.number(d);
            double back = shown.equals("inf")
                    ? Double.POSITIVE_INFINITY
                    : shown.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(shown);
            assertEquals(d, back, 0.0, shown);
        }
    }

    @Test
    void listsQuoteStringsRecordsKeepOrder() {
        SomaList list = new SomaList();
        list.add(1.0);
        list.add("a");
        SomaRecord r = new SomaRecord();
        r.put("z", 1.0);
        r.put("a", list);
        assertEquals("{z: 1, a: [1, \"a\"]}", Printer.show(r));
    }
}
