package org.tallyroom.analysis;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact rational number: a vote share (votes over valid votes), a change in share or a swing,
 * always as a proportion of one (a share of 46.33% is {@code 25679/55423}).
 *
 * <p>Every comparison in the analysis is made on the exact value, never on a rounded one: two
 * candidates 0.004 points apart are not "level" because both print as 46.33%. Rounding happens only
 * for display, in {@link #percent()}: a hundred times the value to 2 decimal places, half away from
 * zero ({@link RoundingMode#HALF_UP}), so 1/8 shows as 12.50 and -1/800 as -0.13.
 *
 * <p>Kept in lowest terms with a positive denominator, so equal values are equal records. The
 * {@code percent} component is derived (whatever is passed is replaced) and is there so the record
 * serialises to JSON with its display value beside the exact one.
 *
 * @param numerator   the numerator, in lowest terms
 * @param denominator the denominator, positive, in lowest terms
 * @param percent     100 × the value, 2 dp, half up: for display only
 */
public record Fraction(BigInteger numerator, BigInteger denominator, BigDecimal percent)
        implements Comparable<Fraction> {
    public static final Fraction ZERO = of(0, 1);
    public static final Fraction ONE = of(1, 1);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Fraction {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new ArithmeticException("a fraction with denominator 0");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        if (numerator.bitLength() < 63 && denominator.bitLength() < 63) {
            // The common case (votes, shares of votes): lowest terms and display in long arithmetic.
            long n = numerator.longValue();
            long d = denominator.longValue();
            long g = gcd(Math.abs(n), d);
            if (g > 1) {
                n /= g;
                d /= g;
                numerator = BigInteger.valueOf(n);
                denominator = BigInteger.valueOf(d);
            }
            if (n == 0) {
                denominator = BigInteger.ONE;
            }
            percent = n == 0 ? BigDecimal.ZERO.setScale(2) : percentOf(n, d);
            if (percent == null) {
                percent = new BigDecimal(numerator.multiply(BigInteger.valueOf(100)))
                        .divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP);
            }
        } else {
            BigInteger g = numerator.gcd(denominator);
            if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
                numerator = numerator.divide(g);
                denominator = denominator.divide(g);
            }
            if (numerator.signum() == 0) {
                denominator = BigInteger.ONE;
            }
            percent = new BigDecimal(numerator.multiply(BigInteger.valueOf(100)))
                    .divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP);
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** 100 n / d to 2 dp half up, in longs; null where that could overflow. */
    private static BigDecimal percentOf(long n, long d) {
        long abs = Math.abs(n);
        if (abs > Long.MAX_VALUE / 20_000 || d > Long.MAX_VALUE / 4) {
            return null;
        }
        long hundredths = (abs * 20_000 + d) / (2 * d); // round(10,000 |n| / d), halves up
        return BigDecimal.valueOf(n < 0 ? -hundredths : hundredths, 2);
    }

    public static Fraction of(BigInteger numerator, BigInteger denominator) {
        return new Fraction(numerator, denominator, null);
    }

    public static Fraction of(long numerator, long denominator) {
        return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** A share of {@code part} in {@code whole}; zero where the whole is zero (no votes cast). */
    public static Fraction share(long part, long whole) {
        return whole == 0 ? ZERO : of(part, whole);
    }

    /** Percentage points as written, "-4", "+3.5", "0.25": the value over 100, exactly. */
    public static Fraction points(String text) {
        BigDecimal d = new BigDecimal(text.strip().startsWith("+") ? text.strip().substring(1) : text.strip());
        BigDecimal hundredths = d.movePointLeft(2);
        return hundredths.scale() <= 0 ? of(hundredths.toBigIntegerExact(), BigInteger.ONE)
                : of(hundredths.unscaledValue(), BigInteger.TEN.pow(hundredths.scale()));
    }

    public Fraction plus(Fraction o) {
        return of(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
                denominator.multiply(o.denominator));
    }

    public Fraction minus(Fraction o) {
        return plus(o.negate());
    }

    public Fraction times(Fraction o) {
        return of(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
    }

    public Fraction dividedBy(Fraction o) {
        return of(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
    }

    public Fraction half() {
        return of(numerator, denominator.shiftLeft(1));
    }

    public Fraction negate() {
        return new Fraction(numerator.negate(), denominator, null);
    }

    public int signum() {
        return numerator.signum();
    }

    public Fraction max(Fraction o) {
        return compareTo(o) >= 0 ? this : o;
    }

    /** 100 × the value at {@code scale} decimal places, half up. */
    public BigDecimal percent(int scale) {
        return new BigDecimal(numerator.multiply(BigInteger.valueOf(100)))
                .divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
    }

    @Override
    public int compareTo(Fraction o) {
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }

    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
