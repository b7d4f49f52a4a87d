package dev.tensorloom.studio.cli;

import ai.djl.pytorch.jni.JniUtils;

/** The threads libtorch computes on, stated beside every speed so wall-clock figures can be compared. */
final class TorchThreadCount {
    private TorchThreadCount() {
    }

    /** libtorch's intra-op threads (the ones a single op is split over). */
    static int intraOp() {
        return JniUtils.getNumThreads();
    }

    /** For example {@code 2 libtorch threads}. */
    static String describe() {
        int n = intraOp();
        return n + (n == 1 ? " libtorch thread" : " libtorch threads");
    }
}
