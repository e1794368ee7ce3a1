package kz.orleu.benefits.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyBinaryEncoderTest {

    @Test
    void numericIsBaseTenThousandDigitsWithWeightSignAndScale() {
        // 12345.67 = 1 2345 . 6700: digits 1, 2345, 6700; weight 1 (the first digit is 10000^1); scale 2
        assertThat(numeric("12345.67")).containsExactly(3, 1, 0, 2, 1, 2345, 6700);
        // 0.05 = 0 . 0500: one digit 500 of weight -1
        assertThat(numeric("0.05")).containsExactly(1, -1, 0, 2, 500);
        // trailing zero digits are left out: 20000 = 2 0000, digit 2 of weight 1
        assertThat(numeric("20000")).containsExactly(1, 1, 0, 0, 2);
        assertThat(numeric("0.00")).containsExactly(0, 0, 0, 2);
        assertThat(numeric("-7.5")).containsExactly(2, 0, 0x4000, 1, 7, 5000);
        assertThat(numeric("999999999999.99")).containsExactly(4, 2, 0, 2, 9999, 9999, 9999, 9900);
        // past a long: sums of amounts are numeric(1000,2)
        assertThat(numeric("123456789012345678901234.5"))
                .containsExactly(7, 5, 0, 1, 1234, 5678, 9012, 3456, 7890, 1234, 5000);
    }

    @Test
    void numericAgreesWithItsDecimalDigitsForRandomValuesOfEverySizeAndScale() {
        java.util.Random random = new java.util.Random(20261202);
        for (int i = 0; i < 50_000; i++) {
            java.math.BigInteger unscaled = new java.math.BigInteger(1 + random.nextInt(i % 10 == 0 ? 120 : 60), random);
            BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(9));
            assertThat(numeric(value.toString())).as(value.toPlainString()).isEqualTo(words(value));
        }
    }

    /** The words of a numeric worked out from its decimal digits, grouped by four from the point. */
    private static List<Integer> words(BigDecimal value) {
        String[] parts = value.abs().toPlainString().split("\\.");
        String whole = "0".repeat((4 - parts[0].length() % 4) % 4) + parts[0];
        String fraction = parts.length > 1 ? parts[1] : "";
        fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        List<Integer> groups = new java.util.ArrayList<>();
        for (String digits = whole + fraction; !digits.isEmpty(); digits = digits.substring(4)) {
            groups.add(Integer.parseInt(digits.substring(0, 4)));
        }
        int weight = whole.length() / 4 - 1;
        while (!groups.isEmpty() && groups.get(0) == 0) {
            groups.remove(0);
            weight--;
        }
        while (!groups.isEmpty() && groups.get(groups.size() - 1) == 0) {
            groups.remove(groups.size() - 1);
        }
        List<Integer> words = new java.util.ArrayList<>(List.of(groups.size(), groups.isEmpty() ? 0 : weight,
                value.signum() < 0 ? 0x4000 : 0, value.scale()));
        words.addAll(groups);
        return words;
    }

    @Test
    void textIsItsUtf8BytesWithoutNulsWhateverItsCharacters() {
        for (String text : List.of("F000123", "", "Қазақстан", "a\0b", "x€", "long ".repeat(40))) {
            CopyBinaryEncoder encoder = new CopyBinaryEncoder(List.of(CopyBinaryEncoder.Type.TEXT), 4);
            encoder.row(new Object[] {text});
            ByteBuffer bytes = ByteBuffer.wrap(encoder.buffer(), 0, encoder.size());
            assertThat(bytes.getShort()).isEqualTo((short) 1);
            byte[] value = new byte[bytes.getInt()];
            bytes.get(value);
            assertThat(bytes.hasRemaining()).isFalse();
            assertThat(new String(value, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(text.replace("\0", ""));
        }
    }

    /** The int16 words of one numeric value after its length. */
    private static List<Integer> numeric(String value) {
        CopyBinaryEncoder encoder = new CopyBinaryEncoder(List.of(CopyBinaryEncoder.Type.NUMERIC), 64);
        encoder.row(new Object[] {new BigDecimal(value)});
        ByteBuffer bytes = ByteBuffer.wrap(encoder.buffer(), 0, encoder.size());
        assertThat(bytes.getShort()).isEqualTo((short) 1);
        int length = bytes.getInt();
        List<Integer> words = new java.util.ArrayList<>();
        for (int i = 0; i < length / 2; i++) {
            words.add((int) bytes.getShort());
        }
        return words;
    }
}
