package kz.orleu.benefits.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * One family with everything the generator writes about it. In the streaming generator one instance lives only
 * while its rows are written; the sample-data writer keeps a few hundred to carry them into the next quarter.
 */
final class Household {

    final int index;
    final String familyId;
    int region;
    String district;
    boolean urban;
    long declaredOn = Dates.NONE;
    boolean kazakh;
    /** Income level multiplier of the family (about 0.3 poor .. 1.6 well off). */
    double level;
    long registeredOn;
    BadRowKind bad;

    final List<Member> members = new ArrayList<>(10);
    final List<Stream> streams = new ArrayList<>(10);
    /** At most one contract per family. */
    Contract contract;
    final List<Obligation> obligations = new ArrayList<>(8);

    /** Rows of the current quarter. */
    final List<IncomeRow> incomes = new ArrayList<>(16);
    final List<MonitoringRow> monitoring = new ArrayList<>(16);

    Household(int index, String familyId) {
        this.index = index;
        this.familyId = familyId;
    }

    Member head() {
        return members.get(0);
    }

    static final class Member {
        String iin;
        String lastName;
        String firstName;
        long birth;
        boolean male;
        String relation;
        int disability;
        boolean pensioner;
        boolean student;
        boolean carer;
        boolean employed;
        long joined;
        long left = Dates.NONE;
        BadRowKind bad;

        /** Member on that day: joined on or before it, and not left on or before it. */
        boolean memberOn(long day) {
            return joined <= day && (left == Dates.NONE || left > day);
        }
    }

    /** A recurring (or one-off) income of one member; the rows of a quarter are drawn from it. */
    static final class Stream {
        Member member;
        String type;
        long baseCents;
        /** Probability that a month has a row. */
        double monthShare = 1.0;
        /** Relative month-to-month variation of the amount (0 = the same each month). */
        double variation;
        boolean oneOff;
        /** Whole tenge (no decimals written). */
        boolean whole;

        Stream(Member member, String type, long baseCents) {
            this.member = member;
            this.type = type;
            this.baseCents = baseCents;
        }
    }

    static final class IncomeRow {
        Member member;
        int month;
        String type;
        long cents;
        String amount;
        BadRowKind bad;

        IncomeRow(Member member, int month, String type, long cents, String amount) {
            this.member = member;
            this.month = month;
            this.type = type;
            this.cents = cents;
            this.amount = amount;
        }

        IncomeRow copy() {
            return new IncomeRow(member, month, type, cents, amount);
        }
    }

    static final class Contract {
        String id;
        long signed = Dates.NONE;
        long start = Dates.NONE;
        long end = Dates.NONE;
        String mode;
        String status;
        BadRowKind bad;

        boolean inForce(int absMonth) {
            if ("DECLINED".equals(status) || start == Dates.NONE || end == Dates.NONE) {
                return false;
            }
            return absMonth >= Dates.absMonth(start) && absMonth <= Dates.absMonth(end);
        }
    }

    static final class Obligation {
        final Member member;
        final String type;

        Obligation(Member member, String type) {
            this.member = member;
            this.type = type;
        }
    }

    static final class MonitoringRow {
        final Obligation obligation;
        final int month;
        String outcome;
        String purpose;

        MonitoringRow(Obligation obligation, int month, String outcome, String purpose) {
            this.obligation = obligation;
            this.month = month;
            this.outcome = outcome;
            this.purpose = purpose;
        }
    }
}
