package kz.orleu.benefits.entitlement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import kz.orleu.benefits.quarter.Quarter;

/**
 * Who gets which benefit, month by month, and how much: the means test of {@code domain.md} and the payment
 * months and decision codes of {@code contracts.md}. Pure: values in, values out.
 */
public final class EntitlementCalculator {

    private final Quarter benefitQuarter;
    private final BigDecimal aspShare;
    private final BigDecimal ccaShare;

    public EntitlementCalculator(Quarter benefitQuarter, BigDecimal aspShare, BigDecimal ccaShare) {
        this.benefitQuarter = benefitQuarter;
        this.aspShare = aspShare;
        this.ccaShare = ccaShare;
    }

    public Entitlement calculate(FamilyCase family) {
        if (family.incomplete()) {
            return notComputed(family, Decision.INCOMPLETE_DATA);
        }
        if (!family.declared()) {
            return notComputed(family, Decision.NO_DECLARATION);
        }
        int members = family.membersCounted();
        BigDecimal aspLine = MeansTest.line(family.subsistenceMinimum(), aspShare);
        BigDecimal ccaLine = MeansTest.line(family.subsistenceMinimum(), ccaShare);
        BigDecimal perCapita = MeansTest.perCapita(family.countedIncome(), members);
        boolean belowAsp = MeansTest.below(perCapita, aspLine);
        boolean belowCca = MeansTest.below(perCapita, ccaLine);
        long aspMonthly = belowAsp ? MeansTest.monthly(aspLine, perCapita, members) : 0;
        long ccaMonthly = belowCca ? MeansTest.monthly(ccaLine, perCapita, members) : 0;

        List<Payment> payments = new ArrayList<>(3);
        boolean ccaMonth = false;
        boolean aspMonth = false;
        boolean lumpSumPaid = false;
        boolean contractInForce = false;
        for (YearMonth month : benefitQuarter.months()) {
            ContractTerm contract = contractInForce(family.contracts(), month);
            if (contract != null) {
                contractInForce = true;
                if (belowCca) {
                    ccaMonth = true;
                    Payment payment = ccaPayment(contract, month, ccaMonthly);
                    if (payment != null) {
                        payments.add(payment);
                        lumpSumPaid |= payment.kind() == PaymentKind.LUMP_SUM;
                    }
                }
            } else if (belowAsp) {
                aspMonth = true;
                payments.add(new Payment(month, Benefit.ASP, aspMonthly, PaymentKind.MONTHLY));
            }
        }

        Benefit benefit = ccaMonth ? Benefit.CCA : aspMonth ? Benefit.ASP : Benefit.NONE;
        long monthly = switch (benefit) {
            case CCA -> ccaMonthly;
            case ASP -> aspMonthly;
            case NONE -> 0;
        };
        boolean terminated = family.contracts().stream().anyMatch(ContractTerm::terminated);
        boolean declined = family.contracts().stream().anyMatch(ContractTerm::declined);
        Decision decision = switch (benefit) {
            case CCA -> lumpSumPaid ? Decision.CCA_LUMP_SUM : Decision.CCA;
            case ASP -> terminated ? Decision.ASP_CONTRACT_TERMINATED
                    : declined ? Decision.ASP_CONTRACT_DECLINED : Decision.ASP;
            case NONE -> belowCca && !contractInForce && !declined && !terminated
                    ? Decision.CCA_CANDIDATE : Decision.ABOVE_LINE;
        };
        long quarterAmount = payments.stream().mapToLong(Payment::amount).sum();
        return new Entitlement(family.familyId(), family.regionCode(), members, family.countedIncome(), perCapita,
                family.subsistenceMinimum(), aspLine, ccaLine, benefit, monthly, quarterAmount, decision,
                family.previousBenefit(), family.previousMonthlyAmount(),
                change(family, benefit, monthly), List.copyOf(payments));
    }

    /**
     * A LUMP_SUM contract pays three months at once in its start month, nothing in its second and third months,
     * and monthly from its fourth month on.
     */
    private static Payment ccaPayment(ContractTerm contract, YearMonth month, long ccaMonthly) {
        if (contract.mode() == ContractTerm.PaymentMode.MONTHLY) {
            return new Payment(month, Benefit.CCA, ccaMonthly, PaymentKind.MONTHLY);
        }
        int index = contract.monthIndex(month);
        if (index == 0) {
            return new Payment(month, Benefit.CCA, ccaMonthly * 3, PaymentKind.LUMP_SUM);
        }
        if (index < 3) {
            return null;
        }
        return new Payment(month, Benefit.CCA, ccaMonthly, PaymentKind.MONTHLY);
    }

    private static ContractTerm contractInForce(List<ContractTerm> contracts, YearMonth month) {
        for (ContractTerm contract : contracts) {
            if (contract.inForce(month)) {
                return contract;
            }
        }
        return null;
    }

    private Entitlement notComputed(FamilyCase family, Decision decision) {
        return new Entitlement(family.familyId(), family.regionCode(), null, null, null,
                family.subsistenceMinimum(), null, null, Benefit.NONE, 0, 0, decision,
                family.previousBenefit(), family.previousMonthlyAmount(), change(family, Benefit.NONE, 0), List.of());
    }

    private static Change change(FamilyCase family, Benefit benefit, long monthly) {
        long previousMonthly = family.previousMonthlyAmount() == null ? 0 : family.previousMonthlyAmount();
        return Change.between(family.previousBenefit(), previousMonthly, benefit, monthly);
    }
}
