package dev.tensorloom.execution.op.ssm;

import java.util.Arrays;

/** Eigen-decomposition of a small real symmetric matrix by cyclic Jacobi rotations (double precision). */
final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /**
     * Returns the eigenvalues of {@code symmetric} and fills {@code vectors} (n×n) with the unit
     * eigenvectors as columns. The input is not modified.
     */
    static double[] jacobi(double[][] symmetric, double[][] vectors) {
        int n = symmetric.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = symmetric[i].clone();
            Arrays.fill(vectors[i], 0);
            vectors[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100 && offDiagonal(a) > 1e-22 * Math.max(1, diagonal(a)); sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    rotate(a, vectors, p, q, c, s);
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return values;
    }

    /** Applies the rotation Jᵀ A J in place and accumulates V J. */
    private static void rotate(double[][] a, double[][] v, int p, int q, double c, double s) {
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (i != j) {
                    sum += a[i][j] * a[i][j];
                }
            }
        }
        return sum;
    }

    private static double diagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i][i] * a[i][i];
        }
        return sum;
    }
}
