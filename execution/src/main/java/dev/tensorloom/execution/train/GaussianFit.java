package dev.tensorloom.execution.train;

/**
 * The maximum-likelihood full-covariance Gaussian of a set of D-dimensional points (mean and the
 * covariance divided by n), and its negative log density
 * {@code ½·(x−μ)ᵀΣ⁻¹(x−μ) + ½·log det Σ + (D/2)·log 2π} through a Cholesky factor. The baseline a density
 * model must beat: a flow that only learns an affine map cannot do better than this.
 */
public final class GaussianFit {
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final int d;
    private final double[] mean;
    private final double[][] cholesky;
    private final double halfLogDet;

    private GaussianFit(double[] mean, double[][] covariance) {
        this.d = mean.length;
        this.mean = mean;
        this.cholesky = cholesky(covariance);
        double logDet = 0;
        for (int i = 0; i < d; i++) {
            logDet += 2 * Math.log(cholesky[i][i]);
        }
        this.halfLogDet = logDet / 2;
    }

    /** Fits {@code n = points.length / d} points stored row by row. */
    public static GaussianFit of(float[] points, int d) {
        int n = points.length / d;
        if (n < 2 || points.length % d != 0) {
            throw new IllegalArgumentException("need at least two points of " + d + " coordinates, got "
                    + points.length + " values");
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += points[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double da = points[i * d + a] - mean[a];
                for (int b = 0; b <= a; b++) {
                    cov[a][b] += da * (points[i * d + b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                cov[a][b] /= n;
                cov[b][a] = cov[a][b];
            }
        }
        return new GaussianFit(mean, cov);
    }

    public double[] mean() {
        return mean.clone();
    }

    /** The covariance, rebuilt from its Cholesky factor. */
    public double[][] covariance() {
        double[][] c = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                for (int k = 0; k <= Math.min(a, b); k++) {
                    c[a][b] += cholesky[a][k] * cholesky[b][k];
                }
            }
        }
        return c;
    }

    /** −log N(x; μ, Σ) of the point at {@code offset} of {@code points}. */
    public double nll(float[] points, int offset) {
        // Solve L·y = x − μ; then (x−μ)ᵀΣ⁻¹(x−μ) = |y|².
        double[] y = new double[d];
        double quad = 0;
        for (int i = 0; i < d; i++) {
            double s = points[offset + i] - mean[i];
            for (int k = 0; k < i; k++) {
                s -= cholesky[i][k] * y[k];
            }
            y[i] = s / cholesky[i][i];
            quad += y[i] * y[i];
        }
        return 0.5 * quad + halfLogDet + 0.5 * d * LOG_TWO_PI;
    }

    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (s <= 0) {
                        throw new IllegalArgumentException("the points' covariance is singular");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }
}
