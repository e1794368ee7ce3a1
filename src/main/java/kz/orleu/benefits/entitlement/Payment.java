package kz.orleu.benefits.entitlement;

import java.time.YearMonth;

/** One month paid to a family, as written to {@code payments.csv}. */
public record Payment(YearMonth month, Benefit benefit, long amount, PaymentKind kind) {
}
