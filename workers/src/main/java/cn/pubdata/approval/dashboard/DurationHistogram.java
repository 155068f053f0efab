package cn.pubdata.approval.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Durations counted per bucket of the summary tables (V75: bucket = round(100 · ln(1 + minutes))), added in ascending
 * bucket order. Percentiles interpolate as PostgreSQL's percentile_cont does over the buckets' values, so they are
 * within 1 % of the exact ones; the count is exact.
 */
final class DurationHistogram {

    private final List<long[]> buckets = new ArrayList<>();
    private long count;

    void add(int bucket, long n) {
        buckets.add(new long[] {bucket, n});
        count += n;
    }

    long count() {
        return count;
    }

    /** The p-th percentile in hours (0 ≤ p ≤ 1), linearly interpolated between neighbouring values. */
    double percentileHours(double p) {
        if (count == 0) {
            return 0;
        }
        double position = p * (count - 1);
        long below = (long) Math.floor(position);
        double lower = valueAt(below);
        double upper = valueAt(Math.min(below + 1, count - 1));
        return lower + (position - below) * (upper - lower);
    }

    private double valueAt(long index) {
        long seen = 0;
        for (long[] bucket : buckets) {
            seen += bucket[1];
            if (index < seen) {
                return hours((int) bucket[0]);
            }
        }
        return hours((int) buckets.get(buckets.size() - 1)[0]);
    }

    static double hours(int bucket) {
        return Math.expm1(bucket / 100.0) / 60.0;
    }
}
