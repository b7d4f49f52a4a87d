package dev.tensorloom.execution.op.ssm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Mamba's selective scan, per inner channel and state:
 * {@code x_t = exp(Δ_t A) ⊙ x_{t−1} + Δ_t B_t u_t}, {@code y_t = C_t x_t + D u_t}.
 *
 * <p>Two implementations give the same outputs and gradients within float rounding. {@link #sequential} is
 * the plain loop over the L steps. {@link #chunked} cuts the sequence into about √L chunks of about √L
 * steps: one loop over the steps of a chunk runs every chunk at once from a zero state, a second loop over
 * the chunks carries each chunk's final state into the next, and one broadcast adds the carried state,
 * decayed by the chunk's running decay, to every step: about 2√L steps instead of L (17 instead of 72 for
 * the selective-copy template). It multiplies only decays in (0, 1] and never divides by them, so it stays
 * finite where a log-space prefix sum (which divides by products that underflow) would not.
 *
 * <p>{@link #scan} picks the loop on the CPU: there the per-step tensors {@code [B, Di, N]} stay in cache
 * and dispatch is cheap, while the chunked scan materialises several more full {@code [B, L, Di, N]}
 * tensors; measured with {@code SelectiveScanBenchmark} (test sources) it costs about ten times the CPU
 * time of the loop at the template's shapes. Fewer, larger steps pay off where each op is a kernel launch,
 * so accelerators get the chunked scan.
 */
public final class SelectiveScan {
    private SelectiveScan() {
    }

    /**
     * The selective scan, by the implementation that is faster on the device of {@code u}.
     *
     * @param u     {@code [B, L, Di]} input
     * @param delta {@code [B, L, Di]} positive steps
     * @param a     {@code [Di, N]} state matrix diagonal (negative)
     * @param b     {@code [B, L, N]} input-dependent input weights
     * @param c     {@code [B, L, N]} input-dependent output weights
     * @param d     {@code [Di]} skip
     * @return {@code [B, L, Di]}
     */
    public static NDArray scan(NDArray u, NDArray delta, NDArray a, NDArray b, NDArray c, NDArray d) {
        if (Device.Type.CPU.equals(u.getDevice().getDeviceType())) {
            return sequential(u, delta, a, b, c, d);
        }
        int length = (int) u.getShape().get(1);
        return chunked(u, delta, a, b, c, d, (int) Math.ceil(Math.sqrt(length)));
    }

    /**
     * The chunked scan with chunks of {@code chunk} steps (the last chunk is padded with steps that change
     * nothing); arguments as for {@link #scan}.
     */
    public static NDArray chunked(NDArray u, NDArray delta, NDArray a, NDArray b, NDArray c, NDArray d, int chunk) {
        Shape shape = u.getShape();
        long batch = shape.get(0);
        int length = (int) shape.get(1);
        long inner = shape.get(2);
        long state = a.getShape().get(1);
        int chunks = (length + chunk - 1) / chunk;
        int pad = chunks * chunk - length;
        NDArray logDecay = delta.expandDims(3).mul(a);
        NDArray drive = u.mul(delta).expandDims(3).mul(b.expandDims(2));
        if (pad > 0) {
            // padding steps decay by exp(0) = 1 and add 0; they come after the real steps, so change none of them
            logDecay = logDecay.pad(new Shape(0, 0, 0, 0, 0, pad), 0);
            drive = drive.pad(new Shape(0, 0, 0, 0, 0, pad), 0);
        }
        Shape blocked = new Shape(batch, chunks, chunk, inner, state);
        NDArray blockedLog = logDecay.reshape(blocked);
        NDArray decay = blockedLog.exp();
        // the running product of the decays since the chunk began (how much of the carried-in state each step
        // still holds) as exp of a running sum: cumProd's backward is several times slower on the CPU
        NDArray held = blockedLog.cumSum(2).exp();
        NDList decays = decay.split(chunk, 2);
        NDList drives = drive.reshape(blocked).split(chunk, 2);
        NDList local = new NDList(chunk);
        NDArray h = drives.get(0).squeeze(2);
        local.add(h);
        for (int t = 1; t < chunk; t++) {
            h = decays.get(t).squeeze(2).mul(h).add(drives.get(t).squeeze(2));
            local.add(h);
        }
        // a slice, not index −1: DJL turns a negative index into advanced indexing, whose backward is far slower
        NDList chunkDecay = held.get(new NDIndex(":, :, {}:", chunk - 1)).squeeze(2).split(chunks, 1);
        NDList chunkEnd = h.split(chunks, 1);
        NDList carried = new NDList(chunks);
        NDArray carry = u.getManager().zeros(new Shape(batch, 1, inner, state));
        carried.add(carry);
        for (int k = 1; k < chunks; k++) {
            carry = chunkDecay.get(k - 1).mul(carry).add(chunkEnd.get(k - 1));
            carried.add(carry);
        }
        NDArray states = NDArrays.stack(local, 2).add(held.mul(NDArrays.concat(carried, 1).expandDims(2)))
                .reshape(new Shape(batch, (long) chunks * chunk, inner, state));
        if (pad > 0) {
            states = states.get(new NDIndex(":, :{}", length));
        }
        return states.mul(c.expandDims(2)).sum(new int[] {3}).add(u.mul(d));
    }

    /** The recurrence as a plain loop over the L steps; arguments as for {@link #scan}. */
    public static NDArray sequential(NDArray u, NDArray delta, NDArray a, NDArray b, NDArray c, NDArray d) {
        long batch = u.getShape().get(0);
        int length = (int) u.getShape().get(1);
        long inner = u.getShape().get(2);
        long state = a.getShape().get(1);
        NDArray decay = delta.expandDims(3).mul(a).exp();
        NDArray drive = u.mul(delta).expandDims(3).mul(b.expandDims(2));
        NDArray cs = c.expandDims(2);
        // split once: slicing step by step would make backward scatter into the full tensor L times
        NDList decays = decay.split(length, 1);
        NDList drives = drive.split(length, 1);
        NDList outs = cs.split(length, 1);
        NDArray x = u.getManager().zeros(new Shape(batch, inner, state));
        NDList ys = new NDList(length);
        for (int t = 0; t < length; t++) {
            x = decays.get(t).squeeze(1).mul(x).add(drives.get(t).squeeze(1));
            ys.add(x.mul(outs.get(t).squeeze(1)).sum(new int[] {2}));
        }
        return NDArrays.stack(ys, 1).add(u.mul(d));
    }
}
