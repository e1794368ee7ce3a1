package kz.orleu.benefits.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8CheckTest {

    @Test
    void wellFormedTextHasNoInvalidByte() throws IOException {
        byte[] text = "family_id,last_name\nF-1,Ахметов Серік 😀 ok\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, Utf8Check.firstInvalidByte(new ByteArrayInputStream(text)));
        assertEquals(-1, Utf8Check.firstInvalidByte(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void reportsTheFirstByteOfTheFirstIllFormedSequence() throws IOException {
        assertEquals(3, check("414243" + "C0AF"));          // overlong '/'
        assertEquals(1, check("41" + "EDA080"));            // a surrogate
        assertEquals(2, check("4142" + "F4908080"));        // above U+10FFFF
        assertEquals(0, check("80"));                      // a continuation without a lead
        assertEquals(4, check("D090D091" + "D0"));          // cut short by the end
        assertEquals(2, check("D090" + "E0808041"));        // overlong three-byte form
        assertEquals(9, check("4141414141414141" + "41" + "FF"));
    }

    /** Windows-1251 Cyrillic, the mistake the input check exists for. */
    @Test
    void findsWindows1251Bytes() throws IOException {
        byte[] line = "F-1,Ахметов".getBytes(java.nio.charset.Charset.forName("windows-1251"));
        assertEquals(4, Utf8Check.firstInvalidByte(new ByteArrayInputStream(line)));
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomAndHostileBytes() throws IOException {
        Random random = new Random(20261202);
        for (int trial = 0; trial < 20_000; trial++) {
            byte[] bytes = mostlyValid(random, random.nextInt(trial % 10 == 0 ? 3000 : 60));
            long expected = jdkFirstInvalidByte(bytes);
            for (int buffer : new int[] {4, 7, 64, 1 << 20}) {
                assertEquals(expected, Utf8Check.firstInvalidByte(new ByteArrayInputStream(bytes), buffer),
                        () -> "buffer " + buffer + ", bytes " + HexFormat.of().formatHex(bytes));
            }
        }
    }

    private static long check(String hex) throws IOException {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertEquals(jdkFirstInvalidByte(bytes), Utf8Check.firstInvalidByte(new ByteArrayInputStream(bytes), 4),
                "the JDK's decoder disagrees on " + hex);
        return Utf8Check.firstInvalidByte(new ByteArrayInputStream(bytes));
    }

    /** ASCII runs, well-formed characters of every length, and now and then a byte of any value. */
    private static byte[] mostlyValid(Random random, int pieces) {
        ByteBuffer out = ByteBuffer.allocate(pieces * 20 + 16);
        int[] samples = {'a', 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF, 0x430, 0x1F600};
        for (int p = 0; p < pieces; p++) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                for (int k = random.nextInt(20); k > 0; k--) {
                    out.put((byte) (' ' + random.nextInt(90)));
                }
            } else if (kind < 9) {
                out.put(new String(Character.toChars(samples[random.nextInt(samples.length)]))
                        .getBytes(StandardCharsets.UTF_8));
            } else if (random.nextInt(pieces + 1) < 3) {
                out.put((byte) random.nextInt(256));
            }
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /** The reference: a decoder that reports malformed input, whose position stops at the ill-formed sequence. */
    private static long jdkFirstInvalidByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        return decoder.flush(out).isError() ? in.position() : -1;
    }
}
