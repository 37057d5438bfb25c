package soma.tensor;

import static org.junit.jupiter.api.Assertions.*;
import static soma.tensor.Assertions2.*;

import org.junit.jupiter.api.Test;

class UnaryTest {
    @Test
    void realFunctions() {
        Tensor x = Tensor.vector(-2, -0.5, 0, 0.5, 2);
        assertArrayEquals(new double[] {0, 0, 0, 0.5, 2}, x.relu().realData(), 0);
        assertArrayEquals(new double[] {-1, -1, 0, 1, 1}, x.sign().realData(), 0);
        assertArrayEquals(new double[] {2, 0.5, 0, 0.5, 2}, x.abs().realData(), 0);
        assertArrayEquals(new double[] {-2, -1, 0, 0, 2}, x.floor().realData(), 0);
        assertArrayEquals(new double[] {-2, -0.0, 0, 1, 2}, x.ceil().realData(), 0);
        assertArrayEquals(new double[] {-2, -0.0, 0, 0, 2}, x.round().realData(), 0, "half to even");
        assertArrayEquals(new double[] {2, 4}, Tensor.vector(2.5, 3.5).round().realData(), 0);
        for (int i = 0; i < x.size(); i++) {
            double v = x.get(i);
            assertEquals(1 / (1 + Math.exp(-v)), x.sigmoid().get(i), 1e-15);
            assertEquals(Math.log(1 + Math.exp(v)), x.softplus().get(i), 1e-15);
            assertEquals(Math.tanh(v), x.tanh().get(i), 0);
            assertEquals(Math.exp(v), x.exp().get(i), 0);
        }
        assertTrue(Double.isNaN(Tensor.scalar(-1).log().scalarValue()));
        assertTrue(Double.isNaN(Tensor.scalar(-1).sqrt().scalarValue()));
        assertEquals(Math.PI, Tensor.scalar(-1).angle().scalarValue(), 0);
    }

    @Test
    void sigmoidAndSoftplusAreStableForExtremeInputs() {
        Tensor x = Tensor.vector(-1000, 1000, -40);
        assertArrayEquals(
                new double[] {0, 1, Math.exp(-40) / (1 + Math.exp(-40))},
                x.sigmoid().realData(),
                1e-300);
        Tensor sp = x.softplus();
        assertEquals(0, sp.get(0), 0);
        assertEquals(1000, sp.get(1), 0);
        assertEquals(Math.exp(-40), sp.get(2), 1e-30);
    }

    @Test
    void complexFunctions() {
        Tensor z = Tensor.complexScalar(3, 4);
        Tensor abs = z.abs();
        assertReal(abs);
        assertEquals(5, abs.scalarValue(), 0);
        assertEquals(Math.atan2(4, 3), z.angle().scalarValue(), 0);
        Tensor c = z.conj();
        assertEquals(-4, c.getImag(0), 0);
        assertEquals(3, z.real().scalarValue(), 0);
        assertEquals(4, z.imag().scalarValue(), 0);
        Tensor s = z.sqrt(); // 2+i
        assertEquals(2, s.get(0), 1e-15);
        assertEquals(1, s.getImag(0), 1e-15);
        Tensor e = Tensor.complexScalar(0, Math.PI).exp(); // -1
        assertEquals(-1, e.get(0), 1e-15);
        assertEquals(0, e.getImag(0), 1e-15);
        Tensor l = Tensor.complexScalar(-1, 0).log(); // i pi
        assertEquals(0, l.get(0), 0);
        assertEquals(Math.PI, l.getImag(0), 0);
        // sin^2 + cos^2 = 1 holds for complex arguments too
        Tensor w = Tensor.complexScalar(0.3, -0.8);
        Tensor one = w.sin().mul(w.sin()).add(w.cos().mul(w.cos()));
        assertEquals(1, one.get(0), 1e-14);
        assertEquals(0, one.getImag(0), 1e-14);
        Tensor t = w.tan().sub(w.sin().div(w.cos()));
        assertEquals(0, t.abs().scalarValue(), 1e-14);
        Tensor th =
                w.tanh().sub(w.exp().sub(w.neg().exp()).div(w.exp().add(w.neg().exp())));
        assertEquals(0, th.abs().scalarValue(), 1e-14);
    }

    @Test
    void realOnlyFunctionsRejectComplex() {
        TensorException e = assertThrows(
                TensorException.class, () -> Tensor.complexScalar(1, 1).sigmoid());
        assertEquals("sigmoid is not defined for complex tensors", e.getMessage());
        assertThrows(TensorException.class, () -> Tensor.complexScalar(1, 1).floor());
    }

    @Test
    void imagOfRealIsZeroAndRealIfZeroImagDropsIt() {
        assertArrayEquals(new double[] {0, 0}, Tensor.vector(1, 2).imag().realData(), 0);
        Tensor z = new Tensor(new int[] {2}, new double[] {1, 2}, new double[] {0, 0}, false);
        assertFalse(z.realIfZeroImag().isComplex());
        assertTrue(Tensor.complexScalar(1, 1).realIfZeroImag().isComplex());
    }
}
