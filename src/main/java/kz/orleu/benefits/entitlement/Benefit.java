package kz.orleu.benefits.entitlement;

/**
 * The benefit a family gets in a month or a quarter.
 * ASP: атаулы әлеуметтік көмек / адресная социальная помощь.
 * CCA: шартты ақшалай көмек / обусловленная денежная помощь ("Orleu").
 */
public enum Benefit {
    ASP, CCA, NONE;

    public boolean isPaid() {
        return this != NONE;
    }
}
