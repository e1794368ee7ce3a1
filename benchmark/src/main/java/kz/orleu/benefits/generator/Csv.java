package kz.orleu.benefits.generator;

/** RFC 4180 field quoting, appended straight into a line being built. */
final class Csv {

    private Csv() {
    }

    /** Appends the field, in double quotes (with inner quotes doubled) when it holds a comma, quote or line break. */
    static void append(StringBuilder sb, String s) {
        if (s == null) {
            return;
        }
        int n = s.length();
        boolean quote = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        append(sb, s);
        return sb.toString();
    }
}
