package kz.orleu.benefits.entitlement;

public enum PaymentKind {
    MONTHLY, LUMP_SUM
}
