package dev.tensorloom.execution.op.ssm;

import java.util.Arrays;

/**
 * The HiPPO-LegS state matrix and the diagonal system S4D-LegS takes from it.
 *
 * <p>{@code A_nk = −√(2n+1)√(2k+1)} below the diagonal, {@code −(n+1)} on it, 0 above; {@code B_n = √(2n+1)}.
 * A is normal plus low rank: {@code A = A_N − P Pᵀ} with {@code P_n = √(n+½)}, and
 * {@code A_N = −½ I + S} with S skew-symmetric. S4D-LegS keeps only the normal part: its eigenvalues
 * are {@code −½ ± iω_j}, where {@code ω_j²} are the eigenvalues of the symmetric matrix {@code SᵀS}
 * (found by Jacobi rotations, in double). For each conjugate pair one mode is kept — the factor 2·Re
 * in the kernel stands for its partner — and B is projected onto that mode's unit eigenvector:
 * if {@code u} is a unit eigenvector of {@code SᵀS} and {@code w = S u / ω}, then {@code v = (u − i w)/√2}
 * satisfies {@code S v = iω v}, and the mode's input weight is {@code v* B = (u·B + i w·B)/√2}.
 */
public final class HippoLegS {
    /** One retained mode: eigenvalue {@code re + i·im} of A_N and the projected input weight. */
    public record Mode(double re, double im, double bRe, double bIm) {
    }

    private HippoLegS() {
    }

    public static double[][] matrix(int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < i; k++) {
                a[i][k] = -Math.sqrt(2 * i + 1) * Math.sqrt(2 * k + 1);
            }
            a[i][i] = -(i + 1);
        }
        return a;
    }

    public static double[] inputVector(int n) {
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = Math.sqrt(2 * i + 1);
        }
        return b;
    }

    /** The skew-symmetric part S of {@code A_N = A + P Pᵀ = −½ I + S}. */
    public static double[][] skewPart(int n) {
        double[][] s = matrix(n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                s[i][k] += Math.sqrt((i + 0.5) * (k + 0.5));
            }
            s[i][i] += 0.5;
        }
        return s;
    }

    /** The n/2 modes with positive imaginary part of A_N's eigen-decomposition, by increasing ω (n even). */
    public static Mode[] diagonalModes(int n) {
        if (n % 2 != 0) {
            throw new IllegalArgumentException("HiPPO-LegS diagonalisation needs an even state size, got " + n);
        }
        double[][] s = skewPart(n);
        double[][] sts = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += s[k][i] * s[k][j];
                }
                sts[i][j] = sum;
            }
        }
        double[][] vectors = new double[n][n];
        double[] values = SymmetricEigen.jacobi(sts, vectors);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double[] b = inputVector(n);
        Mode[] modes = new Mode[n / 2];
        for (int j = 0; j < n / 2; j++) {
            int col = order[2 * j];
            double omega = Math.sqrt(Math.max(values[col], 0));
            double ub = 0;
            double wb = 0;
            for (int i = 0; i < n; i++) {
                double w = 0;
                for (int k = 0; k < n; k++) {
                    w += s[i][k] * vectors[k][col];
                }
                ub += vectors[i][col] * b[i];
                wb += w / omega * b[i];
            }
            modes[j] = new Mode(-0.5, omega, ub / Math.sqrt(2), wb / Math.sqrt(2));
        }
        return modes;
    }
}
